/// TelemedPages renders the service's French pages (staff of a site, unit crews, planners, login
/// and errors) as complete, self-contained HTML from plain view-model values: no I/O, no server
/// types, so the HTTP layer only gathers the values, calls `render()` and sends the text. Every
/// form carries a CSRF field (`FormProtection`), every field a label and, when the server refused
/// what was typed, the reason beside it; every page is a Mustache template of `Templates/` over
/// TelemedHTML's frame, so all text is escaped by the engine; the only script is the optional
/// copy button.
public enum TelemedPages {}
