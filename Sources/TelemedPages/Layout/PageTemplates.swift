import TelemedHTML

/// The pages' templates (this module's `Templates` folder) over TelemedHTML's shared ones, loaded
/// once. A page renders its typed context with its own template, which extends `layout`.
enum PageTemplates {
    static let library = TemplateLibrary(bundles: [TelemedHTML.templates, .module])

    static func render(_ context: Any, _ template: String) -> String {
        library.render(context, template)
    }
}
