// swift-tools-version: 6.1
import PackageDescription

// Dependencies point down: telemed → TelemedServer → TelemedPages, TelemedStore, TelemedCalendar → TelemedSolver → TelemedCore.
// Pages and reports both render through TelemedHTML (Mustache templates, the document frame, SVG charts and maps):
// telemed → TelemedReports → TelemedHTML, TelemedServer → TelemedPages → TelemedHTML → TelemedSolver; the server
// also serves the activity report (TelemedServer → TelemedReports).
// TelemedCore imports Foundation and CSV.swift only; TelemedSolver, Foundation and TelemedCore.
let package = Package(
    name: "telemed",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "telemed", targets: ["telemed"]),
        .library(name: "TelemedCore", targets: ["TelemedCore"]),
        .library(name: "TelemedSolver", targets: ["TelemedSolver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(
            name: "TelemedCore",
            dependencies: [.product(name: "CSV", package: "CSV.swift")],
            resources: [.copy("Resources/Communes"), .copy("Resources/Outlines")]
        ),
        .target(name: "TelemedSolver", dependencies: ["TelemedCore"]),
        .target(
            name: "TelemedStore",
            dependencies: [
                "TelemedCore", "TelemedSolver", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .target(
            name: "TelemedCalendar",
            dependencies: [
                "TelemedCore", "TelemedSolver", "CLibical", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // HTML by construction: Mustache templates shipped as resources, escaped by the engine.
        .target(
            name: "TelemedHTML",
            dependencies: ["TelemedCore", "TelemedSolver", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        .target(
            name: "TelemedReports",
            dependencies: ["TelemedCore", "TelemedSolver", "TelemedHTML"],
            resources: [.copy("Templates")]
        ),
        // Pure renderers of the French pages; the server wires routes to them, so no Hummingbird here.
        .target(
            name: "TelemedPages",
            dependencies: [
                "TelemedCore", "TelemedSolver", "TelemedHTML", .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates")]
        ),
        // Telling people: the outbox's delivery worker and its channels (webhooks, e-mail).
        .target(
            name: "TelemedNotify",
            dependencies: [
                "TelemedCore", "TelemedStore", "TelemedMail",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "TelemedServer",
            dependencies: [
                "TelemedCore", "TelemedSolver", "TelemedStore", "TelemedCalendar", "TelemedPages", "TelemedReports",
                "TelemedNotify", "TelemedMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/openapi.yaml")]
        ),
        // Notification e-mails: MIME rendering and an SMTP client on SwiftNIO; nothing else in telemed imports NIO.
        .target(
            name: "TelemedMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "telemed",
            dependencies: [
                "TelemedCore", "TelemedSolver", "TelemedStore", "TelemedCalendar", "TelemedServer", "TelemedReports",
                "TelemedNotify", "TelemedMail", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "SolverBenchmark",
            dependencies: ["TelemedCore", "TelemedSolver"],
            path: "Benchmarks/SolverBenchmark"
        ),
        .executableTarget(
            name: "StabilityBenchmark",
            dependencies: [
                "TelemedCore", "TelemedSolver", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/StabilityBenchmark"
        ),
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: ["TelemedCore", "TelemedStore"],
            path: "Benchmarks/StoreBenchmark"
        ),
        .executableTarget(
            name: "ProposalBenchmark",
            dependencies: ["TelemedCore", "TelemedSolver"],
            path: "Benchmarks/ProposalBenchmark"
        ),
        // What the benchmarks that drive `telemed serve` share: a bookable load, the server process.
        .target(
            name: "BenchmarkSupport", dependencies: ["TelemedCore", "TelemedSolver", "TelemedStore"],
            path: "Benchmarks/Support"),
        .executableTarget(
            name: "HTTPBenchmark",
            dependencies: ["TelemedCore", "TelemedSolver", "TelemedStore", "BenchmarkSupport", "TelemedTestSupport"],
            path: "Benchmarks/HTTPBenchmark"
        ),
        .executableTarget(
            name: "NotifyBenchmark",
            dependencies: [
                "TelemedCore", "TelemedStore", "BenchmarkSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Benchmarks/NotifyBenchmark"
        ),
        .executableTarget(
            name: "RollBenchmark",
            dependencies: ["TelemedCore", "TelemedSolver", "TelemedStore", "TelemedServer"],
            path: "Benchmarks/RollBenchmark"
        ),
        .executableTarget(
            name: "TerritoryBenchmark",
            dependencies: ["TelemedCore", "TelemedSolver"],
            path: "Benchmarks/TerritoryBenchmark"
        ),
        .executableTarget(
            name: "ActivityBenchmark",
            dependencies: ["TelemedCore", "TelemedStore", "TelemedReports"],
            path: "Benchmarks/ActivityBenchmark"
        ),
        .executableTarget(
            name: "FeedBenchmark",
            dependencies: ["TelemedCore", "TelemedCalendar"],
            path: "Benchmarks/FeedBenchmark"
        ),
        // Helpers the test targets share (headless Chromium, paths); not a product, never shipped.
        .target(
            name: "TelemedTestSupport",
            dependencies: ["TelemedCore", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TelemedTestSupport"),
        .testTarget(
            name: "TelemedCoreTests", dependencies: ["TelemedCore", "TelemedTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "TelemedSolverTests", dependencies: ["TelemedSolver", "TelemedTestSupport"]),
        .testTarget(name: "TelemedStoreTests", dependencies: ["TelemedStore", "TelemedReports", "TelemedTestSupport"]),
        .testTarget(
            name: "TelemedCalendarTests",
            dependencies: [
                "TelemedCalendar", "TelemedCore", "TelemedTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "TelemedReportsTests", dependencies: ["TelemedReports", "TelemedHTML", "TelemedSolver"]),
        .testTarget(
            name: "TelemedPagesTests",
            dependencies: [
                "TelemedPages", "TelemedReports", "TelemedCalendar", "TelemedSolver", "TelemedCore", "TelemedHTML",
                "TelemedTestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TelemedServerTests",
            dependencies: [
                "TelemedServer", "TelemedStore", "TelemedCore", "TelemedPages", "TelemedNotify", "TelemedMail",
                "TelemedTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TelemedMailTests",
            dependencies: ["TelemedMail", "TelemedTestSupport", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "telemedTests", dependencies: ["TelemedCore", "TelemedTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
