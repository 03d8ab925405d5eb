import Foundation

/// What the French pages (TelemedPages) and the territorial report (TelemedReports) share to
/// write HTML: Mustache templates loaded from resources (``TemplateLibrary``), the document frame
/// (`document.mustache`, a parent template with `head`, `title`, `style` and `body` blocks), inline
/// SVG bar charts and maps (``SVGBarChart``, ``SVGMap``, ``PlanComparisonCharts``); French words
/// and figures come from TelemedCore's `FrenchVocabulary`. The engine escapes all text; no Swift code here writes markup.
public enum TelemedHTML {
    /// The bundle holding TelemedHTML's `Templates` folder, for a module's ``TemplateLibrary``.
    public static let templates = Bundle.module

    /// TelemedHTML's own templates alone (the charts and maps, rendered on their own).
    static let library = TemplateLibrary(bundles: [templates])
}
