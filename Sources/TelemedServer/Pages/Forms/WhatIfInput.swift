import TelemedCore
import TelemedPages

/// The planner's posted what-if form: the strings as typed, checked by TelemedPages' own
/// validation into one `WhatIfChange` (the kinds `POST /api/v1/plans` takes), or the form with a
/// French reason beside each refused field.
struct WhatIfInput {
    enum Reading {
        case accepted(WhatIfForm.Submission)
        case refused(WhatIfForm)
    }

    let typed: WhatIfForm

    /// `choices` is the empty form the page offers (units, specialists, sites…).
    init(_ form: HTMLForm, choices: WhatIfForm) {
        var typed = choices
        typed.values = [:]
        typed.errors = [:]
        for field in WhatIfForm.Field.allCases where !form[field.rawValue].isEmpty {
            typed.values[field] = form[field.rawValue]
        }
        self.typed = typed
    }

    func read(scenario: Scenario, catalog: CommuneCatalog) -> Reading {
        do {
            return .accepted(try typed.validated(scenario: scenario, catalog: catalog))
        } catch {
            var refused = typed
            refused.errors = error.messages
            return .refused(refused)
        }
    }
}
