import ArgumentParser

/// `telemed whatif`: solve a what-if study (the default, `telemed whatif FILE`) or search where
/// a new place would help most (`telemed whatif suggest`).
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "What-if studies: solve variants side by side, or search where to add a place.",
        discussion: """
            telemed whatif FILE … solves a study (the same as telemed whatif run FILE …); \
            telemed whatif suggest … ranks communes for a new town point or unit depot.
            """,
        subcommands: [WhatIfRunCommand.self, WhatIfSuggestCommand.self],
        defaultSubcommand: WhatIfRunCommand.self
    )
}
