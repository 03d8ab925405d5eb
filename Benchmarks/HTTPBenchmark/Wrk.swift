import Foundation

/// Runs wrk (Debian's `wrk`) against a URL and reads the summary its Lua `done` hook prints as one
/// JSON line, so nothing depends on wrk's human-readable report.
struct Wrk {
    struct Summary: Codable {
        var requests: Int
        var durationMicroseconds: Int
        var non2xx: Int
        var socketErrors: Int
        var latencyMicroseconds: Latency
        var requestsPerSecond: Double { Double(requests) / (Double(durationMicroseconds) / 1e6) }
    }

    struct Latency: Codable {
        var mean: Double
        var p50: Int
        var p99: Int
        var max: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var threads: Int
    var connections: Int
    var seconds: Int
    var folder: URL

    /// The summary line every script ends with (wrk calls `done` once, in the main Lua state).
    static let done = """
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format(
            '{"requests":%d,"durationMicroseconds":%d,"non2xx":%d,"socketErrors":%d,' ..
            '"latencyMicroseconds":{"mean":%.1f,"p50":%d,"p99":%d,"max":%d}}\\n',
            summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
            latency.mean, latency:percentile(50), latency:percentile(99), latency.max))
        end
        """

    /// Each thread posts `{"proposalId":"P-<n>"}` for its own arithmetic sequence of n, starting
    /// at `first`, so no id is posted twice while the supply lasts.
    static let confirmations = """
        local threadCount = 0
        function setup(thread)
          thread:set("offset", threadCount)
          threadCount = threadCount + 1
        end
        function init(args)
          step = tonumber(args[2])
          nextIndex = tonumber(args[1]) + offset
        end
        function request()
          local body = '{"proposalId":"P-' .. nextIndex .. '"}'
          nextIndex = nextIndex + step
          return wrk.format("POST", nil, nil, body)
        end
        """ + "\n" + done

    /// GETs `url` (with `headers`) for the configured time; `script` adds request logic to the summary.
    func run(_ url: URL, headers: [String] = [], script: String = Wrk.done, arguments: [String] = []) throws -> Summary
    {
        let file = folder.appendingPathComponent("wrk-\(UUID().uuidString).lua")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["wrk", "-t", "\(threads)", "-c", "\(connections)", "-d", "\(seconds)s", "--latency", "-s", file.path]
            + headers.flatMap { ["-H", $0] } + [url.absoluteString, "--"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") })
        else {
            throw Failure(description: "wrk failed (is Debian's wrk installed?):\n\(text)")
        }
        return try JSONDecoder().decode(Summary.self, from: Data(line.utf8))
    }
}
