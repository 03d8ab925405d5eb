/// A scenario file that is not valid JSON or does not have the documented shape, with the JSON
/// path where reading stopped.
public struct ScenarioDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: JSONPath(context.codingPath + [key]).description, message: "required field is missing")
        case .typeMismatch(let type, let context):
            self.init(
                path: JSONPath(context.codingPath).description, message: "expected \(JSONPath.jsonTypeName(type))")
        case .valueNotFound(let type, let context):
            self.init(
                path: JSONPath(context.codingPath).description,
                message: "expected \(JSONPath.jsonTypeName(type)), found null")
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            self.init(path: JSONPath(context.codingPath).description, message: context.debugDescription + underlying)
        @unknown default:
            self.init(path: "", message: "\(error)")
        }
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
