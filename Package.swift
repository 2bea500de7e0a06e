// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ThaiAnnotator",
    products: [
        .library(name: "ThaiAnnotator", targets: ["ThaiAnnotator"]),
        .executable(name: "thai-annotate", targets: ["thai-annotate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C wrappers over the system ICU (Debian's libicu-dev).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Text -> typed word tokens with offsets, through ICU's Thai dictionary break iterator.
        .target(name: "ThaiSegmentation", dependencies: ["CICU"]),
        // Gazetteers, the multi-pattern matcher and the PERSON/MINISTRY/ORGANIZATION/ACRONYM/LOCATION rules.
        // The learned layer's core: hashed features, averaged perceptron, Viterbi, model format.
        .target(name: "ThaiTagger"),
        .target(
            name: "ThaiEntities",
            dependencies: ["ThaiSegmentation", "ThaiTagger"],
            plugins: ["EmbedResources"]
        ),
        // Thai date expressions -> ISO 8601 values.
        .target(name: "ThaiDates", dependencies: ["ThaiSegmentation"]),
        // The public API: Document, Entity, Annotator (the pipeline) and the JSON contract.
        .target(name: "ThaiAnnotator", dependencies: ["ThaiSegmentation", "ThaiEntities", "ThaiDates", "ThaiTagger"]),
        // The command-line tool.
        .executableTarget(
            name: "thai-annotate",
            dependencies: [
                "ThaiAnnotator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: embeds Resources/ into the library as generated Swift source.
        .executableTarget(name: "embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .testTarget(
            name: "ThaiAnnotatorTests",
            dependencies: ["ThaiAnnotator", "thai-annotate"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
