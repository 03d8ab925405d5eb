/// A read-only field holding a link, with a "Copier" button (`copy-button.mustache`). Without
/// script the field is still there to select and copy by hand; the button stays hidden until the
/// page's constant script (`copy-script.mustache`, see ``PageFrame/copyScript``) shows it.
struct CopyButton {
    var id: String
    var label: String
    var value: String
}
