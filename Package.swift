// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ThaiAnnotator",
    products: [
        .library(name: "ThaiAnnotator", targets: ["ThaiAnnotator", "ThaiEvaluation", "ThaiTraining"]),
        .executable(name: "thai-annotate", targets: ["thai-annotate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` (DocC); a plugin only, nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The system ICU, declared through pkg-config: its include and library paths come from
        // icu-uc.pc wherever ICU is installed (Debian's libicu-dev, Homebrew's keg-only icu4c
        // with PKG_CONFIG_PATH set, a custom prefix).
        .systemLibrary(
            name: "SystemICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // C wrappers over ICU with stable names (ICU's own are renamed per version by macro).
        .target(name: "CICU", dependencies: ["SystemICU"]),
        // Text -> typed word tokens with offsets, through ICU's Thai dictionary break iterator.
        .target(name: "ThaiSegmentation", dependencies: ["CICU"]),
        // Gazetteers, the multi-pattern matcher and the PERSON/MINISTRY/ORGANIZATION/ACRONYM/LOCATION rules.
        // The learned layer's core: hashed features, averaged perceptron and CRF trainers, Viterbi, model format.
        .target(name: "ThaiTagger"),
        .target(
            name: "ThaiEntities",
            dependencies: ["ThaiSegmentation", "ThaiTagger", "CICU"],
            plugins: ["EmbedResources"]
        ),
        // Thai date expressions -> ISO 8601 values.
        .target(name: "ThaiDates", dependencies: ["ThaiSegmentation"]),
        // Person -> office -> body links (who holds which office), from the recogniser's mentions.
        .target(name: "ThaiRoles", dependencies: ["ThaiSegmentation", "ThaiEntities"]),
        // The public API: Document, Entity, Annotator (the pipeline) and the JSON contract.
        .target(name: "ThaiAnnotator", dependencies: ["ThaiSegmentation", "ThaiEntities", "ThaiDates", "ThaiRoles", "ThaiTagger"]),
        // Scoring against gold data: P/R/F1 per type and for role links, date-value accuracy, errors, gold readers.
        .target(name: "ThaiEvaluation", dependencies: ["ThaiAnnotator"]),
        // Training the sequence model: training sequences, lists mined from ThaiNER, k-fold cross-validation.
        .target(name: "ThaiTraining", dependencies: ["ThaiAnnotator", "ThaiEvaluation"]),
        // The command-line tool.
        .executableTarget(
            name: "thai-annotate",
            dependencies: [
                "ThaiAnnotator",
                "ThaiEvaluation",
                "ThaiTraining",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: embeds Resources/ into the library as generated Swift source.
        .executableTarget(name: "embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        .testTarget(
            name: "ThaiAnnotatorTests",
            dependencies: ["ThaiAnnotator", "ThaiEvaluation", "ThaiTraining", "thai-annotate"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
