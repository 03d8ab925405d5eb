import TelemedReports

/// One field of a form as the person sees it: a label tied to the control (`for`/`id`), an
/// optional hint, what was typed (kept when the server refuses it), and the refusal's reason
/// beside the field, announced with `aria-invalid` and `aria-describedby`.
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

    var name: String
    var label: String
    var control: Control
    /// What the field shows: typed text, or the chosen option(s).
    var values: [String] = []
    var hint: String?
    var error: String?
    var required = false
    /// Distinguishes fields of the same name in different forms of one page.
    var idPrefix = ""

    var id: String { idPrefix + name }

    func render() -> String {
        let described = [hint.map { _ in "\(id)-aide" }, error.map { _ in "\(id)-erreur" }].compactMap { $0 }
        var aria = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        if error != nil { aria += " aria-invalid=\"true\"" }
        let requiredAttribute = required ? " required" : ""
        let hintHTML = hint.map { "<p class=\"hint\" id=\"\(id)-aide\">\(HTML.escape($0))</p>" } ?? ""
        let errorHTML = error.map { "<p class=\"error\" id=\"\(id)-erreur\">\(HTML.escape($0))</p>" } ?? ""
        let value = HTML.escape(values.first ?? "")
        let name = HTML.escape(self.name)
        switch control {
        case .radios(let options), .checkboxes(let options):
            let type = if case .radios = control { "radio" } else { "checkbox" }
            let choices = options.enumerated().map { index, option in
                let checked = values.contains(option.value) ? " checked" : ""
                return "<div class=\"choice\"><input type=\"\(type)\" id=\"\(id)-\(index)\" name=\"\(name)\""
                    + " value=\"\(HTML.escape(option.value))\"\(checked)\(aria)>"
                    + "<label for=\"\(id)-\(index)\">\(HTML.escape(option.label))</label></div>"
            }
            return "<fieldset class=\"field\"\(error == nil ? "" : " aria-invalid=\"true\"")>"
                + "<legend>\(HTML.escape(label))</legend>\(hintHTML)\(errorHTML)\(choices.joined())</fieldset>"
        default:
            return "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(label))</label>\(hintHTML)\(errorHTML)"
                + control(value: value, name: name, attributes: aria + requiredAttribute) + "</div>"
        }
    }

    private func control(value: String, name: String, attributes: String) -> String {
        let common = "id=\"\(id)\" name=\"\(name)\"\(attributes)"
        switch control {
        case .text(let autocomplete):
            let complete = autocomplete.map { " autocomplete=\"\($0)\"" } ?? ""
            return "<input type=\"text\" \(common) value=\"\(value)\"\(complete)>"
        case .password: return "<input type=\"password\" \(common) autocomplete=\"current-password\">"
        case .number(let step): return "<input type=\"number\" \(common) step=\"\(step)\" value=\"\(value)\">"
        case .date: return "<input type=\"date\" \(common) value=\"\(value)\">"
        case .textarea: return "<textarea \(common)>\(value)</textarea>"
        case .select(let options):
            let choices = options.map { option in
                let selected = values.first == option.value ? " selected" : ""
                return "<option value=\"\(HTML.escape(option.value))\"\(selected)>\(HTML.escape(option.label))</option>"
            }
            return "<select \(common)>\(choices.joined())</select>"
        case .radios, .checkboxes: return ""
        }
    }
}
