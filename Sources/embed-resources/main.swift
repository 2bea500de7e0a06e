// Build-time tool behind the EmbedResources plugin.
// Usage: embed-resources OUTPUT.swift RESOURCES_ROOT FILE...
// Writes a Swift file declaring `BundledResources.files`: each FILE's text keyed by its path
// relative to RESOURCES_ROOT, as raw string literals.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: embed-resources OUTPUT.swift RESOURCES_ROOT FILE...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 1]).standardizedFileURL.path
let files = arguments.dropFirst(2)

// A raw-string delimiter that no file contains.
let delimiter = String(repeating: "#", count: 6)

var source = """
    // Generated at build time by embed-resources from Resources/. Do not edit.

    /// The data files shipped with ThaiAnnotator, embedded in the binary.
    enum BundledResources {
        /// Each file's text, keyed by its path under Resources/ (e.g. "gazetteers/ministries.tsv").
        static let files: [String: String] = [

    """
for path in files {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let text = try String(contentsOf: url, encoding: .utf8)
    guard !text.contains("\"\"\"\(delimiter)") else {
        FileHandle.standardError.write(Data("embed-resources: \(path) contains the delimiter\n".utf8))
        exit(65)
    }
    let key = String(url.path.dropFirst(root.count + 1))
    source += "\"\(key)\": \(delimiter)\"\"\"\n\(text)\n\"\"\"\(delimiter),\n"
}
source += files.isEmpty ? ":]\n}\n" : "]\n}\n"
try source.write(to: output, atomically: true, encoding: .utf8)
