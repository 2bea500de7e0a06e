import ArgumentParser
import ThaiAnnotator

/// The `--model` option of annotate, eval and bench: `bundled`, `off` or a model file.
enum ModelArgument: ExpressibleByArgument, Equatable {
    case bundled
    case off
    case file(String)

    /// The option's help, the same on every command.
    static let help: ArgumentHelp = "The sequence model: `bundled` (the one shipped in the binary, the default), `off` (gazetteers and rules alone, fastest) or a model file written by `thai-annotate train`."

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

    /// An annotator for `configuration` with this model: a model file that cannot be read exits
    /// with 66 (as an unreadable input does), one that is not a model with 65.
    func annotator(_ configuration: Annotator.Configuration) throws -> Annotator {
        var configuration = configuration
        configuration.tagger = choice
        do {
            return try Annotator(configuration: configuration)
        } catch let error as ModelCodingError {
            printError("thai-annotate: \(error)")
            if case .unreadable = error { throw Exit.noInput }
            throw Exit.dataError
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
