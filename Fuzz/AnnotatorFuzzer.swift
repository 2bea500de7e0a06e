// libFuzzer target over the whole ThaiAnnotator pipeline (segmenter -> entity recogniser ->
// date normaliser -> Document -> JSON). Built by Fuzz/run.sh together with
// Tests/ThaiAnnotatorTests/PipelineInvariants.swift, the invariant checker the regression tests
// use; it is not part of the package, so `swift build` and `swift test` never see it.
//
// Input: arbitrary bytes, decoded as UTF-8 with replacement (the library takes a String; the
// CLI rejects invalid UTF-8 before the library sees it). Each input is annotated twice: with the
// corpus guidelines' span convention and no reference date (dates resolve against the
// document's own date line), and with ThaiNER's convention and a fixed reference date.
// Any violated invariant prints the input and traps, so libFuzzer saves it as a crash.

import Foundation
import ThaiAnnotator

@_cdecl("LLVMFuzzerTestOneInput")
public func annotatorFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let runs: [(String, Annotator, CalendarDate?)] = [
        ("guidelines", PipelineInvariants.guidelinesAnnotator, nil),
        ("thainer", PipelineInvariants.thaiNERAnnotator, PipelineInvariants.fixedReference),
    ]
    for (name, annotator, date) in runs {
        let document = annotator.annotate(text, referenceDate: date)
        let problems = PipelineInvariants.violations(of: document, for: text)
        if !problems.isEmpty {
            var report = "INVARIANT VIOLATION (\(name) annotator) on \(text.unicodeScalars.count) scalars: \(text.debugDescription.prefix(500))\n"
            for problem in problems { report += "  - \(problem)\n" }
            FileHandle.standardError.write(Data(report.utf8))
            fatalError("pipeline invariant violated")
        }
    }
    return 0
}
