import Foundation
import PackagePlugin

/// Embeds the package's data files (Resources/**/*.tsv and *.txt) into the target that uses
/// this plugin, as generated Swift source, so a built `thai-annotate` or a dependent package
/// never reads data from the build folder at run time.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledResources.swift")
        let inputs = dataFiles(under: resources)
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data files from Resources/",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path(), resources.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func dataFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { ["tsv", "txt"].contains($0.pathExtension) }
            .sorted { $0.path() < $1.path() }
    }
}
