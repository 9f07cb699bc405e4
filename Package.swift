// swift-tools-version:6.0
import PackageDescription

/// A warning in the tests is an error: hundreds of ignored-result warnings once buried the
/// ones that mattered in every test build.
let testWarningsAreErrors: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "Kashuv",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kashuv", targets: ["kashuv"]),
        .library(name: "KashuvCore", targets: ["KashuvCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // The core: text, scenarios, scoring, dialogue, progress, reports. No terminal in it.
        .target(
            name: "KashuvCore",
            dependencies: [
                "CHspell",
                "CStemmer",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Morphology for the scorer (Debian: hspell, libstemmer-dev). hspell is AGPL-3.0-or-later.
        .systemLibrary(name: "CHspell", providers: [.apt(["hspell"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // System libraries for the terminal layer (Debian: libncurses-dev, libfribidi-dev).
        // No pkgConfig: its only flags are -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600, which SwiftPM
        // refuses with a warning on every build; the module map links ncursesw and tinfo and
        // the shim defines what the wide-character API needs.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CFriBidi",
            pkgConfig: "fribidi",
            providers: [.apt(["libfribidi-dev"])]
        ),
        // The terminal layer: full-screen (ncursesw) and plain line mode, bidi text.
        .target(
            name: "KashuvTerminal",
            dependencies: ["KashuvCore", "CNcursesw", "CFriBidi"]
        ),
        // The group-session layer: a workshop served over SSH (swift-nio-ssh).
        .target(
            name: "KashuvGroup",
            dependencies: [
                "KashuvCore",
                "KashuvTerminal",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "kashuv",
            dependencies: [
                "KashuvCore",
                "KashuvTerminal",
                "KashuvGroup",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed figures for the scorer and start-up, run in release: `swift run -c release kashuv-bench`.
        .executableTarget(
            name: "kashuv-bench",
            dependencies: ["KashuvCore"],
            path: "Sources/KashuvBenchmarks"
        ),
        // The input readers as fuzz targets (docs/fuzzing.md), shared by kashuv-fuzz and the tests.
        .target(
            name: "KashuvFuzzTargets",
            dependencies: ["KashuvCore"]
        ),
        // `scripts/fuzz TARGET SECONDS` builds this with libFuzzer; plain builds run a seeded random pass.
        .executableTarget(
            name: "kashuv-fuzz",
            dependencies: ["KashuvFuzzTargets"],
            path: "Sources/KashuvFuzz"
        ),
        .testTarget(
            name: "KashuvCoreTests",
            dependencies: ["KashuvCore", "KashuvFuzzTargets"],
            // Data read from the source tree by path (the probe set), not bundled resources.
            exclude: ["Fixtures"],
            swiftSettings: testWarningsAreErrors
        ),
        .testTarget(
            name: "KashuvTerminalTests",
            dependencies: ["KashuvTerminal", "KashuvCore", "KashuvGroup"],
            swiftSettings: testWarningsAreErrors
        ),
        .testTarget(
            name: "KashuvGroupTests",
            dependencies: [
                "KashuvGroup", "KashuvTerminal", "KashuvCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: testWarningsAreErrors
        ),
    ],
    swiftLanguageModes: [.v6]
)
