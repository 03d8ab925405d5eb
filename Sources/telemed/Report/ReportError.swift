import TelemedCore

/// Why `telemed report` wrote nothing, said so the user can fix it. Not a usage mistake: no usage
/// text follows, the command exits 1.
enum ReportError: Error, CustomStringConvertible {
    case period(ActivityPeriodError)
    /// `--out` names something that is not a folder.
    case notAFolder(String)
    case cannotWrite(String, reason: String)

    var description: String {
        switch self {
        case .period(let error):
            "--from/--to: \(error.description); nothing was written."
        case .notAFolder(let path):
            "--out \(path) is a file, not a folder: give a folder for activity.html, activity.csv and "
                + "activity.json; nothing was written."
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
