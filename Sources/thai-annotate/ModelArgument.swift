import ArgumentParser
import ThaiAnnotator

/// The `--model` option of annotate, eval and bench: `bundled`, `off` or a model file.
enum ModelArgument: ExpressibleByArgument, Equatable {
    case bundled
    case off
    case file(String)

    init?(argument: String) {
        switch argument {
        case "bundled": self = .bundled
        case "off": self = .off
        case "": return nil
        default: self = .file(argument)
        }
    }

    var defaultValueDescription: String {
        switch self {
        case .bundled: "bundled"
        case .off: "off"
        case .file(let path): path
        }
    }

    /// The annotator's configuration for this choice.
    var choice: Annotator.Configuration.TaggerChoice {
        switch self {
        case .bundled: .bundled
        case .off: .off
        case .file(let path): .file(path)
        }
    }
}
