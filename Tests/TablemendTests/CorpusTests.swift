import Foundation
import TablemendBatch
import Testing

@testable import Tablemend

/// The regression net: every real export in `corpus/` converts to exactly its golden.
@Suite struct CorpusTests {
  @Test func everyCorpusFileMatchesItsGolden() throws {
    let report = try CorpusChecker.check(root: packageRoot.appendingPathComponent("corpus"))
    #expect(report.results.count >= 2)
    #expect(report.passed, "\(report.text())")
  }
}
