import Foundation
import GRDB
import Tablemend
import Testing

@testable import TablemendBatch

@Suite("BatchRunner")
struct BatchRunnerTests {
  static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../corpus/seeds").standardizedFileURL

  /// The folder of the issue's "done when": nested folders, a GB18030 file, a .docx, a
  /// truncated .docx and random bytes, with real files converted by the real converter.
  func mixedFolder(_ tmp: TemporaryFolder) throws {
    let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).sorted()
    #expect(seeds.count >= 2)
    for (index, name) in seeds.enumerated() {
      let data = try Data(contentsOf: Self.seeds.appendingPathComponent(name))
      try tmp.write(index == 0 ? "in/\(name)" : "in/2021/nested/deeper/\(name)", data)
    }
    let gb = try #require("项目名称\t道路养护\n年度绩效目标\t完成养护\n".data(using: .init(rawValue: 0x8000_0632)))
    try tmp.write("in/2021/gb18030.txt", gb)
    let docx = StoredZip.docx()
    try tmp.write("in/2022/form.docx", docx)
    try tmp.write("in/2022/truncated.docx", docx.prefix(docx.count / 2))
    try tmp.write("in/random.txt", pseudoRandomBytes(count: 4096, seed: 7))
    try tmp.write("in/notes.pdf", "not an input")
    try tmp.write("in/2022/scan.png", "not an input either")
    try tmp.write("in/.hidden/skip.txt", "hidden")
  }

  @Test("mixed folder: good files written, broken ones reported, second run skips")
  func mixedFolderRealConverter() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try mixedFolder(tmp)
    let out = tmp.url.appendingPathComponent("out")
    let runner = BatchRunner(
      arguments: [tmp.url.appendingPathComponent("in")], output: out,
      options: BatchOptions(jobs: 2))
    let report = try await runner.run()

    let input = tmp.url.appendingPathComponent("in").standardizedFileURL.path
    // Seven inputs: two seeds, the GB18030 file, two .docx, the random bytes and the .pdf
    // (taken by its extension, read as the text it is: sniffed, not named); not the hidden
    // folder.
    #expect(report.inputs == 7)
    let failed = Set(report.failures.map(\.path))
    #expect(failed.contains("\(input)/2022/truncated.docx"))
    #expect(failed.contains("\(input)/random.txt"))
    #expect(report.failures.allSatisfy { $0.error.hasPrefix($0.path) })
    // Files left out by their type are listed with it, not silently dropped.
    #expect(report.notInputs.contains(SkippedFile(path: "\(input)/2022/scan.png", type: "image")))
    #expect(report.summary.contains("not read by type:"))
    // The whole .docx converts once the DOCX reader exists; until then it fails, named.
    let docxConverted = !failed.contains("\(input)/2022/form.docx")
    #expect(report.converted == 4 + (docxConverted ? 1 : 0))
    #expect(report.failed == 7 - report.converted)
    #expect(!report.succeeded)

    let lines = try String(
      contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8
    )
    .split(separator: "\n")
    #expect(lines.count == report.converted)
    let documents = try lines.map { try JSONDecoder().decode(Document.self, from: Data($0.utf8)) }
    let paths = documents.map(\.source.path)
    #expect(paths == paths.sorted())
    #expect(paths.contains("\(input)/2021/nested/deeper/002_2504e2a5ee8feded.txt"))
    let gbDocument = try #require(documents.first { $0.source.path.hasSuffix("gb18030.txt") })
    #expect(gbDocument.source.encoding == "gb18030")

    let csv = try Data(contentsOf: out.appendingPathComponent("indicators.csv"))
    #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let csvRows = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
      .filter { !$0.isEmpty }
    let indicatorCount = documents.reduce(0) {
      $0 + $1.forms.reduce(0) { $0 + $1.indicators.count }
    }
    #expect(csvRows.count == 1 + indicatorCount)

    let db = try DatabaseQueue(path: out.appendingPathComponent("tablemend.sqlite").path)
    let (dbDocuments, dbIndicators) = try await db.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? -1,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM indicators") ?? -1
      )
    }
    try db.close()
    #expect(dbDocuments == report.converted)
    #expect(dbIndicators == indicatorCount)

    let reportJSON = try JSONDecoder().decode(
      BatchReport.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
    #expect(Set(reportJSON.failures.map(\.path)) == failed)
    #expect(try tmp.names(in: "out") == BatchOutputs.all.sorted())

    // Second run: nothing changed, so every good file is skipped and nothing is lost.
    let before = try Data(contentsOf: out.appendingPathComponent("documents.jsonl"))
    let again = try await runner.run()
    #expect(again.converted == 0)
    #expect(again.skipped == report.converted)
    #expect(again.failed == report.failed)
    #expect(again.documents == report.documents)
    #expect(try Data(contentsOf: out.appendingPathComponent("documents.jsonl")) == before)
    #expect(try tmp.names(in: "out") == BatchOutputs.all.sorted())
  }

  @Test("indicators reach the CSV and SQLite, one row each, with foreign keys")
  func indicatorsInEveryOutput() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try tmp.write(
      "in/a.txt",
      """
      form project-targets 项目名称=道路养护
      产出指标|数量指标|养护里程|≥100|公里
      效益指标|社会效益指标|群众出行|明显改善||"通畅", 安全
      """)
    try tmp.write(
      "in/sub/b.txt",
      """
      form department-targets 部门名称=区财政局
      满意度指标|服务对象满意度指标|满意度|≥90|%
      form project-targets 项目名称=路灯
      产出指标|质量指标|亮灯率|≥98|%|按行业标准
      """)
    try tmp.write("in/sub/broken.txt", "BROKEN\n")
    let out = tmp.url.appendingPathComponent("out")
    let runner = BatchRunner(
      arguments: [tmp.url.appendingPathComponent("in")], output: out,
      options: BatchOptions(jobs: 2, convert: FakeForms.convert))
    let report = try await runner.run()
    #expect(report.converted == 2)
    #expect(report.failed == 1)
    #expect(report.forms == 3)
    #expect(report.indicators == 4)
    let broken = tmp.url.appendingPathComponent("in/sub/broken.txt").standardizedFileURL.path
    #expect(
      report.failures == [BatchFailure(path: broken, error: "\(broken):1:1: broken on purpose")])

    let csv = try Data(contentsOf: out.appendingPathComponent("indicators.csv"))
    let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
    let a = tmp.url.appendingPathComponent("in/a.txt").standardizedFileURL.path
    let records = text.components(separatedBy: "\r\n")
    #expect(records[0] == IndicatorRow.columns.joined(separator: ","))
    #expect(
      records[1]
        == "\(a),project-targets,项目支出绩效目标表,道路养护,annual,产出指标,数量指标,养护里程,≥100,comparison,>=,100,公里,,2021,1,,,,,"
    )
    #expect(
      records[2]
        == "\(a),project-targets,项目支出绩效目标表,道路养护,annual,效益指标,社会效益指标,群众出行,明显改善,qualitative,,,,\"\"\"通畅\"\", 安全\",2021,1,,,,,"
    )
    // The header, four rows, and the empty string after the last CRLF.
    #expect(records.count == 1 + 4 + 1)
    #expect(records.last == "")

    let db = try DatabaseQueue(path: out.appendingPathComponent("tablemend.sqlite").path)
    try await db.read { db in
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 2)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM forms") == 3)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM indicators") == 4)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM diagnostics") == 2)
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      let row = try #require(
        try Row.fetchOne(
          db,
          sql: """
            SELECT d.path, f.kind, f.name, i.level3, i.op, i.value, i.unit FROM indicators i
            JOIN forms f ON f.id = i.form_id JOIN documents d ON d.id = i.document_id
            WHERE i.level3 = '满意度'
            """))
      #expect(row["kind"] as String? == "department-targets")
      #expect(row["name"] as String? == "区财政局")
      #expect(row["op"] as String? == ">=")
      #expect(row["value"] as Double? == 90)
      #expect((row["path"] as String?)?.hasSuffix("in/sub/b.txt") == true)
    }
    try db.close()
  }

  @Test("a run where nothing changed writes nothing")
  func unchangedRunWritesNothing() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
      .filter { !$0.hasSuffix(".json") }.sorted()
    for name in seeds {
      try tmp.write("in/\(name)", try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
    }
    let out = tmp.url.appendingPathComponent("out")
    let runner = BatchRunner(
      arguments: [tmp.url.appendingPathComponent("in")], output: out,
      options: BatchOptions(jobs: 2))
    let first = try await runner.run()
    #expect(first.unchanged == nil)
    func stamps() throws -> [String: Date] {
      var out: [String: Date] = [:]
      for name in BatchOutputs.all {
        let path = tmp.url.appendingPathComponent("out/\(name)").path
        out[name] =
          try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
      }
      return out
    }
    let before = try stamps()
    try await Task.sleep(for: .milliseconds(20))
    let again = try await runner.run()
    #expect(again.unchanged == true)
    #expect(again.skipped == seeds.count && again.converted == 0)
    #expect(again.documents == first.documents && again.indicators == first.indicators)
    #expect(try stamps() == before)
    #expect(again.summary.contains("nothing changed"))
    // One changed byte: the run converts that file and writes the outputs again.
    let changed = tmp.url.appendingPathComponent("in/\(seeds[0])")
    var bytes = try Data(contentsOf: changed)
    bytes.append(0x0A)
    try bytes.write(to: changed)
    let third = try await runner.run()
    #expect(third.unchanged == nil)
    #expect(third.converted == 1)
  }

  @Test("a re-run patches the earlier outputs: the same files and rows as a fresh run")
  func patchedRunEqualsFreshRun() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
      .filter { !$0.hasSuffix(".json") }.sorted()
    for name in seeds {
      let data = try Data(contentsOf: Self.seeds.appendingPathComponent(name))
      try tmp.write("in/a/\(name)", data)
      try tmp.write("in/b/\(name)", data)  // a copy: one document, two paths
      try tmp.write("in/c/\(name)", data + Data("\n备注\t另一份\n".utf8))
    }
    try tmp.write("in/d/broken.docx", Data("PK\u{3}\u{4}not a zip".utf8))
    let input = tmp.url.appendingPathComponent("in")
    let patched = tmp.url.appendingPathComponent("patched")
    func run(into out: URL) async throws -> BatchReport {
      var options = BatchOptions(jobs: 2)
      options.prune = true  // a deleted file's document goes, as in a fresh run
      return try await BatchRunner(arguments: [input], output: out, options: options).run()
    }
    let first = try await run(into: patched)
    #expect(first.patched == nil)
    // One file changed, one first path of a copy deleted (its copy now names the document),
    // one file that now fails to convert.
    let changed = tmp.url.appendingPathComponent("in/c/\(seeds[0])")
    try (Data(contentsOf: changed) + Data("\n备注\t改过\n".utf8)).write(to: changed)
    try FileManager.default.removeItem(at: tmp.url.appendingPathComponent("in/a/\(seeds[0])"))
    try Data("PK\u{3}\u{4}broken too".utf8).write(
      to: tmp.url.appendingPathComponent("in/c/\(seeds[1])"))
    let again = try await run(into: patched)
    #expect(again.patched == true)
    #expect(again.converted == 1)
    #expect(again.failed == 2)
    let fresh = try await run(into: tmp.url.appendingPathComponent("fresh"))
    #expect(again.documents == fresh.documents && again.indicators == fresh.indicators)
    #expect(again.forms == fresh.forms && again.withoutForms == fresh.withoutForms)
    #expect(again.duplicates == fresh.duplicates)
    for name in [
      BatchOutputs.documents, BatchOutputs.indicators, BatchOutputs.funds, BatchOutputs.fields,
    ] {
      let a = try Data(contentsOf: patched.appendingPathComponent(name))
      let b = try Data(contentsOf: tmp.url.appendingPathComponent("fresh/\(name)"))
      #expect(a == b, "\(name) differs from a fresh run's")
    }
    // The database holds the same rows (its ids may differ).
    func rows(_ folder: URL) throws -> [String] {
      let db = try DatabaseQueue(path: folder.appendingPathComponent("tablemend.sqlite").path)
      defer { try? db.close() }
      return try db.read { db in
        var out = try String.fetchAll(
          db,
          sql: """
            SELECT d.path || '|' || i.level1 || '|' || i.level2 || '|' || i.level3 || '|' || i.raw
            FROM indicators i JOIN documents d ON d.id = i.document_id
            """)
        out += try String.fetchAll(
          db,
          sql: """
            SELECT d.path || '>' || p.path FROM document_paths p
            JOIN documents d ON d.id = p.document_id
            """)
        for table in ["documents", "forms", "fields", "funds", "goals", "records", "diagnostics"] {
          out.append(
            "\(table): \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1)")
        }
        return out.sorted()
      }
    }
    #expect(try rows(patched) == rows(tmp.url.appendingPathComponent("fresh")))
  }

  @Test("a moved folder is recognised by content; --prune drops documents of files gone")
  func movedFolderIsRecognised() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    let seeds = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path)
      .filter { !$0.hasSuffix(".json") }.sorted()
    for name in seeds {
      try tmp.write("old/\(name)", try Data(contentsOf: Self.seeds.appendingPathComponent(name)))
    }
    let out = tmp.url.appendingPathComponent("out")
    func run(_ folder: String, prune: Bool = false) async throws -> BatchReport {
      var options = BatchOptions(jobs: 2)
      options.prune = prune
      return try await BatchRunner(
        arguments: [tmp.url.appendingPathComponent(folder)], output: out, options: options
      ).run()
    }
    let first = try await run("old")
    #expect(first.converted == seeds.count)
    try FileManager.default.moveItem(
      at: tmp.url.appendingPathComponent("old"), to: tmp.url.appendingPathComponent("new"))
    // Nothing is converted again, and the documents move with their files: the same count.
    let moved = try await run("new")
    #expect(moved.converted == 0)
    #expect(moved.recognised.count == seeds.count)
    #expect(moved.recognised.allSatisfy { $0.contains("/new/") })
    #expect(moved.kept == 0)
    #expect(moved.documents == first.documents)
    #expect(moved.summary.contains("recognised by content at a new path"))
    // A copy elsewhere is the same document with a second path (documents are keyed by
    // content); deleting it and running with --prune removes exactly that path.
    try tmp.write(
      "copy/\(seeds[0])", try Data(contentsOf: Self.seeds.appendingPathComponent(seeds[0])))
    let copied = try await BatchRunner(
      arguments: [tmp.url.appendingPathComponent("new"), tmp.url.appendingPathComponent("copy")],
      output: out, options: BatchOptions(jobs: 2)
    ).run()
    #expect(copied.documents == seeds.count)
    #expect(copied.converted == 0)
    // The first path in path order (`copy/` before `new/`) names the document.
    #expect(
      copied.duplicates == [
        BatchDuplicate(
          path: tmp.url.appendingPathComponent("new/\(seeds[0])").path,
          sameAs: tmp.url.appendingPathComponent("copy/\(seeds[0])").path)
      ])
    #expect(copied.summary.contains("1 copies of another input"))
    let database = try DatabaseQueue(path: out.appendingPathComponent("tablemend.sqlite").path)
    let (documentRows, pathRows, copyOwner) = try await database.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? -1,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM document_paths") ?? -1,
        try String.fetchOne(
          db,
          sql: """
            SELECT d.path FROM document_paths p JOIN documents d ON d.id = p.document_id
            WHERE p.path = ?
            """, arguments: [tmp.url.appendingPathComponent("new/\(seeds[0])").path])
      )
    }
    #expect(documentRows == seeds.count)
    #expect(pathRows == seeds.count + 1)
    #expect(copyOwner?.contains("/copy/") == true)
    try FileManager.default.removeItem(at: tmp.url.appendingPathComponent("copy"))
    let kept = try await run("new")
    #expect(kept.kept == 1)
    #expect(kept.documents == seeds.count)
    #expect(kept.duplicates.count == 1)
    let pruned = try await run("new", prune: true)
    #expect(pruned.kept == 0)
    #expect(pruned.documents == seeds.count)
    #expect(pruned.duplicates.isEmpty)
    let lines = try String(
      contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8
    )
    .split(separator: "\n")
    let paths = try lines.map {
      try JSONDecoder().decode(Document.self, from: Data($0.utf8)).source.path
    }
    #expect(paths.allSatisfy { $0.contains("/new/") })
  }

  @Test("re-run converts only changed files and keeps documents of other folders")
  func rerunSkipsAndKeeps() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try tmp.write("one/a.txt", "form project-targets\n产出指标|数量指标|x|≥1|个\n")
    try tmp.write("one/b.txt", "form project-targets\n产出指标|数量指标|y|≥2|个\n")
    try tmp.write("two/c.txt", "form project-targets\n产出指标|数量指标|z|≥3|个\n")
    let out = tmp.url.appendingPathComponent("out")
    func run(_ folders: [String]) async throws -> BatchReport {
      try await BatchRunner(
        arguments: folders.map { tmp.url.appendingPathComponent($0) }, output: out,
        options: BatchOptions(jobs: 2, convert: FakeForms.convert)
      ).run()
    }
    let first = try await run(["one", "two"])
    #expect(first.converted == 3)

    try tmp.write("one/b.txt", "form project-targets\n产出指标|数量指标|y|≥5|个\n")
    let second = try await run(["one"])
    #expect(second.converted == 1)
    #expect(second.skipped == 1)
    #expect(second.kept == 1)
    #expect(second.documents == 3)
    #expect(second.indicators == 3)

    let documents = try String(
      contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8
    ).split(separator: "\n").map { try JSONDecoder().decode(Document.self, from: Data($0.utf8)) }
    #expect(
      documents.map { URL(fileURLWithPath: $0.source.path).lastPathComponent } == [
        "a.txt", "b.txt", "c.txt",
      ])
    #expect(documents[1].forms[0].indicators[0].value.value == 5)

    // A manifest that no longer matches documents.jsonl is rebuilt from it: nothing is
    // skipped (the version is unknown) but nothing is lost.
    try Data("{}".utf8).write(to: out.appendingPathComponent("manifest.json"))
    let third = try await run(["two"])
    #expect(third.converted == 1)
    #expect(third.skipped == 0)
    #expect(third.kept == 2)
    #expect(third.documents == 3)
  }

  @Test("an output name taken by a folder fails before anything is replaced")
  func outputBlockedLeavesEarlierOutputs() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try tmp.write("in/a.txt", "form project-targets\n产出指标|数量指标|x|≥1|个\n")
    let out = tmp.url.appendingPathComponent("out")
    let runner = BatchRunner(
      arguments: [tmp.url.appendingPathComponent("in")], output: out,
      options: BatchOptions(jobs: 1, convert: FakeForms.convert))
    _ = try await runner.run()
    let before = try Data(contentsOf: out.appendingPathComponent("documents.jsonl"))
    try FileManager.default.removeItem(at: out.appendingPathComponent("report.json"))
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("report.json"), withIntermediateDirectories: false)
    try tmp.write("in/b.txt", "form project-targets\n")
    await #expect(throws: BatchError.self) { try await runner.run() }
    #expect(try Data(contentsOf: out.appendingPathComponent("documents.jsonl")) == before)
    #expect(try tmp.names(in: "out").filter { $0.hasPrefix(".") }.isEmpty)
  }

  @Test("a cancelled run leaves the earlier outputs and no temporary file")
  func cancelledRunLeavesEarlierOutputs() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    for index in 0..<20 {
      try tmp.write("in/f\(index).txt", "form project-targets\n产出指标|数量指标|x\(index)|≥1|个\n")
    }
    let out = tmp.url.appendingPathComponent("out")
    _ = try await BatchRunner(
      arguments: [tmp.url.appendingPathComponent("in")], output: out,
      options: BatchOptions(jobs: 2, convert: FakeForms.convert)
    ).run()
    let before = try BatchOutputs.all.map { try Data(contentsOf: out.appendingPathComponent($0)) }

    // Change every file so the next run converts them; the conversion of f5 waits until the
    // run is cancelled.
    for index in 0..<20 {
      try tmp.write("in/f\(index).txt", "form project-targets\n产出指标|数量指标|x\(index)|≥2|个\n")
    }
    let reached = Flag()
    let gated: BatchOptions.Convert = { (data, path) throws(ConversionError) in
      if path.hasSuffix("/f5.txt") {
        reached.set()
        while !Task.isCancelled { Thread.sleep(forTimeInterval: 0.005) }
      }
      return try FakeForms.convert(data, path)
    }
    let task = Task {
      try await BatchRunner(
        arguments: [tmp.url.appendingPathComponent("in")], output: out,
        options: BatchOptions(jobs: 2, convert: gated)
      ).run()
    }
    while !reached.isSet { try await Task.sleep(nanoseconds: 2_000_000) }
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    let after = try BatchOutputs.all.map { try Data(contentsOf: out.appendingPathComponent($0)) }
    #expect(after == before)
    #expect(try tmp.names(in: "out") == BatchOutputs.all.sorted())
  }

  @Test("a missing folder is a failure, not a stop")
  func missingFolderIsReported() async throws {
    let tmp = try TemporaryFolder()
    defer { tmp.remove() }
    try tmp.write("in/a.txt", "form project-targets\n")
    let report = try await BatchRunner(
      arguments: [tmp.url.appendingPathComponent("in"), tmp.url.appendingPathComponent("nope")],
      output: tmp.url.appendingPathComponent("out"),
      options: BatchOptions(jobs: 1, convert: FakeForms.convert)
    ).run()
    #expect(report.converted == 1)
    #expect(report.failed == 1)
    #expect(report.failures.first?.path.hasSuffix("/nope") == true)
    #expect(report.summary.contains("tablemend: failed: "))
    #expect(report.summary.hasSuffix("/nope: no such file or folder"))
    #expect(!report.summary(omitting: [report.failures[0].path]).contains("failed: "))
  }
}

/// A flag set by one thread and read by another.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
