/// Why a what-if study cannot run: each problem with its place in the what-if file
/// (`variants[1].changes[0].unitId: unknown unit "U-09"`) or in a variant's resulting scenario.
public struct WhatIfError: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
