import TelemedReports

/// A read-only field holding a link, with a "Copier" button. Without script the field is still
/// there to select and copy by hand; the button stays hidden until the script shows it.
struct CopyButton {
    var id: String
    var label: String
    var value: String

    func render() -> String {
        "<div class=\"field\"><label for=\"\(id)\">\(HTML.escape(label))</label>"
            + "<input type=\"text\" id=\"\(id)\" value=\"\(HTML.escape(value))\" readonly>"
            + " <button type=\"button\" class=\"secondary\" data-copy=\"\(id)\" hidden>Copier l’adresse</button></div>"
    }

    /// Shows the buttons and copies the field's text; falls back to selecting it.
    static let script = """
        document.querySelectorAll("[data-copy]").forEach(function(b){var f=document.getElementById(b.dataset.copy);\
        b.hidden=false;b.addEventListener("click",function(){f.select();var done=function(){b.textContent="Adresse copiée";};\
        if(navigator.clipboard){navigator.clipboard.writeText(f.value).then(done,function(){document.execCommand("copy");done();});}\
        else{document.execCommand("copy");done();}});});
        """
}
