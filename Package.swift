// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dtisite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dtisite", targets: ["dtisite"]),
        .library(name: "DTISite", targets: ["DTISite"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0")
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CRSVG",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        .target(
            name: "DTISite",
            dependencies: [
                "CMark",
                "CRSVG",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "CSV", package: "CSV.swift")
            ]
        ),
        .executableTarget(
            name: "dtisite",
            dependencies: [
                "DTISite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird")
            ]
        ),
        .testTarget(
            name: "DTISiteTests",
            dependencies: ["DTISite", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures", "Golden"]
        )
    ]
)
