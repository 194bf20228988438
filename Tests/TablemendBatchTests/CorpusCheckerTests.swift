import Foundation
import Tablemend
import Testing

@testable import TablemendBatch

@Suite("CorpusChecker")
struct CorpusCheckerTests {
  static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../corpus/seeds").standardizedFileURL

  /// A corpus with the two seeds, one in a nested folder, and a file without a golden.
  func corpus() throws -> TemporaryFolder {
    let tmp = try TemporaryFolder()
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
      .filter { !$0.hasSuffix(".json") }.sorted()
    for (index, name) in names.enumerated() {
      try tmp.write(
        index == 0 ? "seeds/\(name)" : "more/nested/\(name)",
        try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
    }
    try tmp.write("seeds/no-golden.txt", "项目名称\t道路养护\n")
    return tmp
  }

  @Test("bless writes pretty goldens with corpus-relative paths; check then passes")
  func blessThenCheck() throws {
    let tmp = try corpus()
    defer { tmp.remove() }
    // Nothing has a golden yet: nothing to check.
    #expect(try CorpusChecker.check(root: tmp.url).results.isEmpty)

    let blessed = try CorpusChecker.check(root: tmp.url, bless: true, addMissing: true)
    #expect(blessed.results.count == 3)
    #expect(blessed.results.allSatisfy { $0.status == .blessed })
    #expect(blessed.passed)
    #expect(blessed.text().hasSuffix("3 goldens: 0 same, 3 blessed, 0 changed, 0 failed"))

    let goldenURL = try #require(
      try FileManager.default.contentsOfDirectory(
        at: tmp.url.appendingPathComponent("more/nested"), includingPropertiesForKeys: nil
      ).first { $0.lastPathComponent.hasSuffix(".txt.json") })
    let golden = try Data(contentsOf: goldenURL)
    let input = goldenURL.deletingPathExtension()
    let document = try JSONDecoder().decode(Document.self, from: golden)
    #expect(document.source.path == "more/nested/\(input.lastPathComponent)")
    var expected = try JSONOutput.encode(
      try Converter().convert(data: Data(contentsOf: input), path: document.source.path),
      pretty: true)
    expected.append(0x0A)
    #expect(golden == expected)

    let checked = try CorpusChecker.check(root: tmp.url)
    #expect(checked.results.count == 3)
    #expect(checked.results.allSatisfy { $0.status == .same })
    #expect(checked.passed)
    #expect(checked.text().hasSuffix("3 goldens: 3 same, 0 changed, 0 failed"))
  }

  @Test("an altered golden fails with the path and both values")
  func alteredGolden() throws {
    let tmp = try corpus()
    defer { tmp.remove() }
    _ = try CorpusChecker.check(root: tmp.url, bless: true, addMissing: true)
    let goldenURL = tmp.url.appendingPathComponent("seeds/no-golden.txt.json")
    let golden = try String(contentsOf: goldenURL, encoding: .utf8)
    let altered = golden.replacingOccurrences(of: "\"utf-8\"", with: "\"gb18030\"")
    #expect(altered != golden)
    try altered.write(to: goldenURL, atomically: true, encoding: .utf8)

    let report = try CorpusChecker.check(root: tmp.url)
    #expect(!report.passed)
    #expect(report.changed.map(\.input) == ["seeds/no-golden.txt"])
    let expected = JSONDifference(
      path: "source.encoding", old: .string("gb18030"), new: .string("utf-8"))
    #expect(report.changed.first?.status == .changed([expected]))
    let text = report.text()
    #expect(
      text.contains("CHANGED seeds/no-golden.txt (1 difference from seeds/no-golden.txt.json)"))
    #expect(text.contains("  source.encoding\n    old: \"gb18030\"\n    new: \"utf-8\""))

    // Bless puts it right.
    #expect(try CorpusChecker.check(root: tmp.url, bless: true).passed)
    #expect(try CorpusChecker.check(root: tmp.url).passed)
    #expect(try String(contentsOf: goldenURL, encoding: .utf8) == golden)
  }

  @Test("an input that no longer converts and an unreadable golden are failures")
  func failures() throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try tmp.write("bad.txt", pseudoRandomBytes(count: 512, seed: 3))
    try tmp.write("bad.txt.json", "{}\n")
    try tmp.write("good.txt", "a\tb\n")
    try tmp.write("good.txt.json", "{ not json")
    let report = try CorpusChecker.check(root: tmp.url)
    #expect(!report.passed)
    #expect(report.failed.map(\.input) == ["bad.txt", "good.txt"])
    if case .failed(let message) = report.failed.first?.status {
      #expect(message.hasPrefix("bad.txt:"))
    } else {
      Issue.record("bad.txt should have failed")
    }
  }

  @Test("a missing corpus folder throws")
  func missingCorpus() {
    #expect(throws: BatchError.self) {
      try CorpusChecker.check(root: URL(fileURLWithPath: "/nonexistent/corpus"))
    }
  }

  @Test("a removed indicator is one line, matched by its levels and name, not a shift")
  func keyedReview() throws {
    let tmp = try corpus()
    defer { tmp.remove() }
    _ = try CorpusChecker.check(root: tmp.url, bless: true, addMissing: true)
    let goldenURL = try #require(
      try FileManager.default.contentsOfDirectory(
        at: tmp.url.appendingPathComponent("more/nested"), includingPropertiesForKeys: nil
      ).first { $0.lastPathComponent.hasSuffix(".txt.json") })
    var document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: goldenURL))
    let count = document.forms[0].indicators.count
    #expect(count >= 5)
    // The golden lacks the first indicator: the fresh conversion adds it back.
    let first = document.forms[0].indicators.removeFirst()
    var data = try JSONOutput.encode(document, pretty: true)
    data.append(0x0A)
    try data.write(to: goldenURL)
    let report = try CorpusChecker.check(root: tmp.url)
    let changed = try #require(report.changed.first)
    #expect(changed.review.count == 1)
    #expect(
      changed.review.first?.hasPrefix("+ form 1 indicator added: \(first.period)/\(first.level1)/")
        == true)
    #expect(changed.status == .changed([]))
    #expect(report.text().contains("(1 difference from"))
    // Bless rewrites that golden alone and names it.
    let blessed = try CorpusChecker.check(root: tmp.url, bless: true)
    #expect(blessed.results.filter { $0.status == .blessed }.map(\.input) == [changed.input])
    #expect(blessed.results.filter { $0.status == .same }.count == 2)
  }

  @Test("a subfolder or one file is checked against the corpus root its golden names")
  func subfolderAndFile() throws {
    let tmp = try corpus()
    defer { tmp.remove() }
    _ = try CorpusChecker.check(root: tmp.url, bless: true)  // no goldens yet: nothing written
    _ = try CorpusChecker.check(root: tmp.url, bless: true, addMissing: true)
    let folder = try CorpusChecker.check(paths: [tmp.url.appendingPathComponent("more")])
    #expect(folder.results.count == 1 && folder.passed)
    #expect(folder.results.first?.input.hasPrefix("more/nested/") == true)
    let file = try CorpusChecker.check(paths: [
      tmp.url.appendingPathComponent("seeds/no-golden.txt")
    ])
    #expect(file.results.map(\.input) == ["seeds/no-golden.txt"] && file.passed)
    // An input without a golden is listed.
    try tmp.write("seeds/new.txt", "项目名称\t新项目\n")
    let listed = try CorpusChecker.check(root: tmp.url)
    #expect(listed.withoutGolden == ["seeds/new.txt"])
    #expect(listed.text().contains("no golden (1): seeds/new.txt"))
  }

  @Test("a golden that is not JSON is one line")
  func notJSON() throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try tmp.write("good.txt", "a\tb\n")
    try tmp.write("good.txt.json", "{ not json\n\n more")
    let report = try CorpusChecker.check(root: tmp.url)
    let line = report.text().split(separator: "\n").first.map(String.init) ?? ""
    #expect(line.hasPrefix("FAILED good.txt: good.txt.json: the golden is not JSON ("))
    #expect(report.text().split(separator: "\n").count == 2)
  }
}
