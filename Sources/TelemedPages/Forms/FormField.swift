/// One field of a form as the person sees it: a label tied to the control (`for`/`id`), an
/// optional hint, what was typed (kept when the server refuses it), and the refusal's reason
/// beside the field, announced with `aria-invalid` and `aria-describedby`. The stored properties
/// are what `form-field.mustache` reads; the control is spelled as flags, since a template
/// cannot switch over an enum.
struct FormField {
    enum Control {
        case text(autocomplete: String? = nil)
        case password
        case number(step: String)
        case date
        case textarea
        /// One choice among options (value, label).
        case select([(value: String, label: String)])
        /// Radio buttons in a fieldset, the label as its legend.
        case radios([(value: String, label: String)])
        /// Several choices among options; `values` holds the ticked ones.
        case checkboxes([(value: String, label: String)])
    }

    /// An option of a select, or a radio button or checkbox with its own id.
    struct Option {
        var id: String
        var value: String
        var label: String
        var chosen: Bool
    }

    var id: String
    var name: String
    var label: String
    /// The text typed (the first value).
    var value: String
    var hint: String
    var hasHint: Bool
    var error: String
    var hasError: Bool
    var describedBy: String
    var hasDescribedBy: Bool
    var required: Bool
    var isText = false
    var isPassword = false
    var isNumber = false
    var isDate = false
    var isTextarea = false
    var isSelect = false
    /// Radios or checkboxes: a fieldset whose legend is the label.
    var isChoices = false
    var choiceType = ""
    var autocomplete = ""
    var hasAutocomplete = false
    var step = ""
    var options: [Option] = []

    /// `values`: what the field shows, typed text or the chosen option(s); `idPrefix` tells apart
    /// fields of the same name in different forms of one page.
    init(
        name: String, label: String, control: Control, values: [String] = [], hint: String? = nil,
        error: String? = nil, required: Bool = false, idPrefix: String = ""
    ) {
        id = idPrefix + name
        self.name = name
        self.label = label
        value = values.first ?? ""
        self.hint = hint ?? ""
        hasHint = hint != nil
        self.error = error ?? ""
        hasError = error != nil
        let described = [hint.map { _ in "\(idPrefix + name)-aide" }, error.map { _ in "\(idPrefix + name)-erreur" }]
        describedBy = described.compactMap { $0 }.joined(separator: " ")
        hasDescribedBy = !describedBy.isEmpty
        self.required = required
        switch control {
        case .text(let complete):
            isText = true
            autocomplete = complete ?? ""
            hasAutocomplete = complete != nil
        case .password: isPassword = true
        case .number(let step):
            isNumber = true
            self.step = step
        case .date: isDate = true
        case .textarea: isTextarea = true
        case .select(let choices):
            isSelect = true
            options = choices.map { Option(id: "", value: $0.value, label: $0.label, chosen: values.first == $0.value) }
        case .radios(let choices), .checkboxes(let choices):
            isChoices = true
            choiceType = if case .radios = control { "radio" } else { "checkbox" }
            options = choices.enumerated().map { index, choice in
                Option(
                    id: "\(idPrefix + name)-\(index)", value: choice.value, label: choice.label,
                    chosen: values.contains(choice.value))
            }
        }
    }
}
