/// A `<form>` that always posts with its CSRF field: the type has no way to leave it out.
/// With no visible field it is a one-click action (confirm, cancel). Drawn by `form.mustache`
/// inside a page's template (`{{#form}}{{>form}}{{/form}}`).
struct FormView {
    struct Hidden {
        var name: String
        var value: String
    }

    /// Fields one after the other, or inside a `<fieldset>` with a legend.
    struct FieldGroup {
        var legend: String
        var isFieldset: Bool
        var fields: [FormField]

        init(legend: String? = nil, fields: [FormField]) {
            self.legend = legend ?? ""
            isFieldset = legend != nil
            self.fields = fields
        }
    }

    var action: String
    var hidden: [Hidden]
    var groups: [FieldGroup]
    var submit: String
    var buttonClass: String
    var hasButtonClass: Bool
    /// An accessible name when the visible button text alone is ambiguous ("Annuler" in a list).
    var accessibleName: String
    var hasAccessibleName: Bool

    /// `name` names the form in its CSRF value ("demande", "confirmer").
    init(
        name: String, action: String, protection: FormProtection, hidden: [(name: String, value: String)] = [],
        groups: [FieldGroup] = [], submit: String, submitClass: String? = nil, submitLabel: String? = nil
    ) {
        self.action = action
        self.hidden = ([(FormProtection.fieldName, protection.value(form: name))] + hidden).map {
            Hidden(name: $0.0, value: $0.1)
        }
        self.groups = groups
        self.submit = submit
        buttonClass = submitClass ?? ""
        hasButtonClass = submitClass != nil
        accessibleName = submitLabel ?? ""
        hasAccessibleName = submitLabel != nil
    }
}
