import Hummingbird

/// Adds a group's routes and remembers which methods each path serves, so that any other method
/// on a known path answers 405 with `Allow` (RFC 9110 15.5.6) rather than Hummingbird's 404.
/// Used while the router is built, from one task.
final class RouteTable {
    typealias Handler = @Sendable (Request, TelemedRequestContext) async throws -> Response

    private let group: RouterGroup<TelemedRequestContext>
    private var served: [(path: String, methods: [HTTPRequest.Method])] = []

    /// Methods a client may reasonably send (QUERY: the safe method with a body of
    /// draft-ietf-httpbis-safe-method-w-body); HEAD is answered wherever GET is (the router
    /// generates it).
    static let knownMethods: [HTTPRequest.Method] = [
        .get, .head, .post, .put, .delete, .patch, .options, .trace, HTTPRequest.Method("QUERY")!,
    ]

    init(_ group: RouterGroup<TelemedRequestContext>) {
        self.group = group
    }

    func on(_ method: HTTPRequest.Method, _ path: String, use handler: @escaping Handler) {
        group.on(RouterPath(path), method: method, use: handler)
        if let index = served.firstIndex(where: { $0.path == path }) {
            served[index].methods.append(method)
        } else {
            served.append((path, [method]))
        }
    }

    /// Registers the 405 answers; call once every route is added.
    func refuseOtherMethods() {
        for (path, methods) in served {
            let allowed = methods.contains(.get) ? methods + [.head] : methods
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in Self.knownMethods where !allowed.contains(method) {
                group.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw HTTPError(
                        .methodNotAllowed, headers: [.allow: allow], message: "This path accepts \(allow) only.")
                }
            }
        }
    }
}
