import Foundation

/// The name this process holds leases under: host, process id and a random suffix, so two
/// replicas on one machine (or a restarted process reusing a pid) never pass for each other.
public enum ReplicaIdentity {
    public static let current: String = {
        var generator = SystemRandomNumberGenerator()
        let suffix = String(generator.next() as UInt32, radix: 16)
        return "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(suffix)"
    }()
}
