import TelemedReports

/// A `<form>` that always posts with its CSRF field: the type has no way to leave it out.
/// With no visible field it is a one-click action (confirm, cancel).
struct FormView {
    /// Names the form in its CSRF value ("demande", "confirmer").
    var name: String
    var action: String
    var protection: FormProtection
    var hidden: [(name: String, value: String)] = []
    /// Fields and fieldsets, already HTML (usually `FormField.render()`).
    var content: String = ""
    var submit: String
    var submitClass: String?
    /// An accessible name when the visible button text alone is ambiguous ("Annuler" in a list).
    var submitLabel: String?

    func render() -> String {
        let fields = [(FormProtection.fieldName, protection.value(form: name))] + hidden
        let hiddenHTML = fields.map {
            "<input type=\"hidden\" name=\"\(HTML.escape($0.0))\" value=\"\(HTML.escape($0.1))\">"
        }
        let buttonClass = submitClass.map { " class=\"\($0)\"" } ?? ""
        let accessibleName = submitLabel.map { " aria-label=\"\(HTML.escape($0))\"" } ?? ""
        return "<form method=\"post\" action=\"\(HTML.escape(action))\">\(hiddenHTML.joined())\(content)"
            + "<button type=\"submit\"\(buttonClass)\(accessibleName)>\(HTML.escape(submit))</button></form>"
    }
}
