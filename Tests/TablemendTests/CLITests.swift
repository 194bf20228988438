import Foundation
import Testing

@testable import Tablemend

/// The command line as a user meets it: the built `tablemend` binary run on real files.
@Suite(.enabled(if: HostileEndToEndTests.binary != nil, "needs the built tablemend binary"))
struct CLITests {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
    let binary = try #require(HostileEndToEndTests.binary)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

  // Each process hashes with its own random seed, so anything that follows a dictionary's or
  // a set's order changes from run to run (a 三级 column picked that way once gave one run in
  // three a bogus indicator). The in-process corpus test sees one seed; these runs see others.
  @Test func everyGoldenIsReproducedInFreshProcesses() throws {
    for _ in 0..<3 {
      let output = try run(["check", path("corpus")])
      #expect(output.status == 0, "\(output.stdout.suffix(2000))")
      #expect(output.stdout.contains("0 changed, 0 failed"))
    }
  }

  @Test func versionIsPrinted() throws {
    let output = try run(["--version"])
    #expect(output.status == 0)
    #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Converter.version)
  }

  @Test func valueArgumentsAndStdinReadBackslashNAsALineBreak() throws {
    let args = try run(["value", "每月\\n月初", "≥98%"])
    #expect(args.status == 0)
    let lines = args.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains(#""every":"月""#) && lines[0].contains(#""at":"月初""#))
    #expect(lines[1].contains(#""op":">=""#))
    let piped = try run(["value", "-"], stdin: "每年\\n12月\n不少于3次\n")
    #expect(piped.stdout.split(separator: "\n").count == 2)
    #expect(piped.stdout.contains(#""at":"12月""#))
  }

  @Test func severalFilesGiveJSONLinesAndABrokenOneIsNamed() throws {
    let result = try run([
      "convert", path("corpus/seeds/000_8ec80c4d32cadcc0.txt"), "/nonexistent/x.txt",
      path("corpus/seeds/002_2504e2a5ee8feded.txt"),
    ])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["model"] as? String == "tablemend/1")
    }
    #expect(result.stderr == "tablemend: /nonexistent/x.txt: no such file\n")
  }

  @Test func outputFileIsWrittenWhole() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tablemend-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("out.json")
    let result = try run([
      "convert", "--pretty", path("corpus/seeds/002_2504e2a5ee8feded.txt"), "-o", target.path,
    ])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let written = try Data(contentsOf: target)
    let document = try JSONSerialization.jsonObject(with: written) as? [String: Any]
    #expect((document?["forms"] as? [Any])?.count == 5)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
    #expect(leftovers == ["out.json"])
  }

  @Test func aLargeOutputFileHoldsWhatStandardOutputGets() throws {
    // 5,200 rows of 10 cells: past `Converter.streamedCells`, about 9 MB of JSON written in
    // pieces of about 1 MB, through `-o`'s writing thread (at most 4 waiting) and to stdout.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tablemend-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var rows = ""
    for r in 0..<5_200 {
      rows +=
        "<Row>"
        + (0..<10).map { "<Cell><Data ss:Type=\"String\">项\(r)-\($0)</Data></Cell>" }
        .joined() + "</Row>"
    }
    let book = dir.appendingPathComponent("book.xml")
    try Data(
      """
      <?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" \
      xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="数据"><Table>\
      \(rows)</Table></Worksheet></Workbook>
      """.utf8
    ).write(to: book)
    let target = dir.appendingPathComponent("out.json")
    let written = try run(["convert", book.path, "-o", target.path])
    #expect(written.status == 0)
    let printed = try run(["convert", book.path])
    #expect(printed.status == 0)
    let file = try Data(contentsOf: target)
    #expect(file.count > 8_000_000)
    #expect(String(decoding: file, as: UTF8.self) == printed.stdout)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "book.xml", "out.json",
      ])
  }

  @Test func viewWritesOnePageOrAFolderWithAnIndexAndGoesOnPastABrokenFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tablemend-view-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("one.html")
    let one = try run(["view", path("corpus/seeds/000_8ec80c4d32cadcc0.txt"), "-o", page.path])
    #expect(one.status == 0)
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<table"))
    // A folder with a good file and a PNG: the good page is written, the PNG is listed.
    let inputs = dir.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    try Data(contentsOf: URL(fileURLWithPath: path("corpus/seeds/002_2504e2a5ee8feded.txt")))
      .write(to: inputs.appendingPathComponent("good.txt"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
      .write(to: inputs.appendingPathComponent("bad.txt"))
    let out = dir.appendingPathComponent("review")
    let many = try run(["view", inputs.path, "-o", out.path])
    #expect(many.status == 1)
    #expect(many.stderr.contains("bad.txt") && many.stderr.contains("PNG"))
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("good.txt.html") && index.contains("PNG"))
    #expect(
      FileManager.default.fileExists(atPath: out.appendingPathComponent("good.txt.html").path))
    // No input is a usage error.
    #expect(try run(["view"]).status == 64)
  }

  @Test func schemaIsPrintedAsJSON() throws {
    let result = try run(["schema"])
    #expect(result.status == 0)
    let schema = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(schema?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
  }

  @Test func unknownEncodingIsAUsageErrorWithTheChoices() throws {
    let result = try run([
      "convert", "--encoding", "latin9", path("corpus/seeds/000_8ec80c4d32cadcc0.txt"),
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("unknown encoding 'latin9'"))
    #expect(result.stderr.contains("gb18030"))
  }

  /// Writes `bytes` to a temporary file named `name` and returns its path.
  func temporary(_ name: String, _ bytes: Data) throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablemend-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try bytes.write(to: url)
    return url.path
  }

  @Test(arguments: [
    (
      "scan.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "a PNG image"
    ),
    ("scan.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]), "a JPEG image"),
    ("form.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]), "an OLE2"),
    ("form.rtf", Data("{\\rtf1\\ansi\\ansicpg936 项目}".utf8), "an RTF document"),
  ])
  func inputsThatAreNotTextAreNamedByTheirType(name: String, bytes: Data, kind: String) throws {
    let file = try temporary(name, bytes)
    let result = try run(["convert", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file): \(kind)"), "\(result.stderr)")
    #expect(!result.stderr.contains("GB18030"))
    #expect(result.stdout.isEmpty)
  }

  /// A PDF goes to the PDF reader by its magic, whatever its name: a broken one is an error
  /// naming the file (with mutool) or saying what to install (without).
  @Test func brokenPDFIsAnErrorNamingTheFile() throws {
    let file = try temporary("form.txt", Data("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj".utf8))
    let result = try run(["convert", file])
    #expect(result.status == 1)
    let expected = mutoolInstalled ? "broken or unreadable PDF" : "install mupdf-tools"
    #expect(result.stderr.contains("\(file): \(expected)"), "\(result.stderr)")
    #expect(!result.stderr.contains("GB18030"))
  }

  @Test func badPageListIsAUsageError() throws {
    let result = try run([
      "convert", "--pages", "7-3", path("corpus/seeds/000_8ec80c4d32cadcc0.txt"),
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--pages '7-3' is not a page list"), "\(result.stderr)")
  }

  @Test func utf16WithoutBOMConvertsLikeUTF8() throws {
    let seed = path("corpus/seeds/000_8ec80c4d32cadcc0.txt")
    let text = try String(contentsOfFile: seed, encoding: .utf8)
    var bytes = Data()
    for unit in text.utf16 { bytes.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    let file = try temporary("seed000-utf16le.txt", bytes)
    let converted = try run(["convert", file])
    let original = try run(["convert", seed])
    #expect(converted.status == 0)
    let a = try JSONSerialization.jsonObject(with: Data(converted.stdout.utf8)) as? [String: Any]
    let b = try JSONSerialization.jsonObject(with: Data(original.stdout.utf8)) as? [String: Any]
    #expect((a?["source"] as? [String: Any])?["encoding"] as? String == "utf-16le")
    #expect(
      (a?["forms"] as? [[String: Any]])?.first?["indicators"] as? [[String: Any]] != nil
        && ((a?["forms"] as? [[String: Any]])?.first?["indicators"] as? [[String: Any]])?.count
          == ((b?["forms"] as? [[String: Any]])?.first?["indicators"] as? [[String: Any]])?.count
    )
  }

  @Test func aZipThatIsNoWordDocumentIsNamed() throws {
    // An empty ZIP archive: the end-of-central-directory record alone.
    let file = try temporary(
      "forms.zip", Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)))
    let result = try run(["convert", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains(file))
    #expect(!result.stderr.contains("GB18030"), "\(result.stderr)")
  }

  @Test(arguments: ["000_8ec80c4d32cadcc0.txt", "002_2504e2a5ee8feded.txt"])
  func bothSeedsInUTF16WithoutBOMGiveTheSameIndicators(name: String) throws {
    let seed = path("corpus/seeds/\(name)")
    let text = try String(contentsOfFile: seed, encoding: .utf8)
    var bytes = Data()
    for unit in text.utf16 { bytes.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
    let converted = try run(["convert", try temporary(name, bytes)])
    let original = try run(["convert", seed])
    #expect(converted.status == 0)
    func indicators(_ json: String) throws -> [String] {
      let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      let forms = document?["forms"] as? [[String: Any]] ?? []
      return forms.flatMap {
        ($0["indicators"] as? [[String: Any]] ?? []).map { "\($0["level3"] ?? "")" }
      }
    }
    let got = try indicators(converted.stdout)
    #expect(!got.isEmpty)
    #expect(got == (try indicators(original.stdout)))
  }

  @Test func big5TextIsDetectedNotReadAsPrivateUseCharacters() throws {
    let hex =
      "a440a142b6b5a5d8b0f2a5bbb1a1aa70a147a5bbb6b5a5d8a5cea9f3b4cbaa4ca8bea4f5a1430ab2a3a558abfcbcd020"
      + "bcc6b671abfcbcd020b7c0a4f5b35db3c6b074b3c6b27620a4a3a743a9f339352520a448adfbb6cba460a8c6ac4720"
      + "30a448a6b80a"
    var bytes = Data()
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    let result = try run(["convert", try temporary("big5.txt", bytes)])
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"encoding\":\"big5\""))
    #expect(result.stdout.contains("滅火設備配備率"))
  }

  @Test func batchTakesEncodingAndLimitLikeConvert() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablemend-batch-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try run([
      "batch", "--encoding", "utf-8", "--limit", "maxInputBytes=1K", path("corpus/seeds"), "-o",
      out.path,
    ])
    // Both seeds are over 1 KB: each is reported as failed, naming the limit.
    #expect(result.status == 1)
    #expect(result.stderr.contains("maxInputBytes"), "\(result.stderr)")
    let bad = try run(["batch", "--limit", "nope=1", path("corpus/seeds"), "-o", out.path])
    #expect(bad.status == 64)
  }

  @Test func batchStrictExits3WhenAFileGivesNoForm() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablemend-strict-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("只是一段说明文字，没有表格。\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let out = folder.appendingPathComponent("out").path
    let lenient = try run(["batch", folder.path, "-o", out])
    #expect(lenient.status == 0)
    let strict = try run(["batch", "--strict", folder.path, "-o", out])
    #expect(strict.status == 3)
    #expect(strict.stderr.contains("notes.txt: no form recognised (--strict)"))
  }

  @Test func usageErrorsExit64InEveryCommand() throws {
    for command in ["convert", "value", "schema", "batch", "check", "cells", "show", "view"] {
      let result = try run([command, "--no-such-option"])
      #expect(result.status == 64, "\(command): \(result.status)")
    }
  }

  @Test func undecodableTextSuggestsForcingTheEncoding() throws {
    let file = try temporary("broken.txt", Data([0x41, 0x81, 0x0A, 0x42, 0x43]))
    let result = try run(["convert", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file):byte 1: invalid or truncated GB18030 sequence"))
    #expect(result.stderr.contains("tried UTF-8, UTF-16, Big5 and GB18030"))
    #expect(result.stderr.contains("--encoding"))
  }

  @Test func unknownDialectIsAUsageErrorListingEveryReader() throws {
    for command in [["convert"], ["batch", "-o", "/tmp/tablemend-unused"]] {
      let result = try run(command + ["--dialect", "nope", path("corpus/seeds")])
      #expect(result.status == 64, "\(command)")
      #expect(result.stderr.contains("unknown dialect 'nope'"))
      for name in ["docx", "wordprocessingml", "flat-opc", "html", "pipe-rows", "run-together"] {
        #expect(result.stderr.contains(name))
      }
    }
  }

  @Test func prettyWithSeveralFilesIsOneJSONArray() throws {
    let result = try run([
      "convert", "--pretty", path("corpus/seeds/000_8ec80c4d32cadcc0.txt"),
      path("corpus/seeds/002_2504e2a5ee8feded.txt"),
    ])
    #expect(result.status == 0)
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    #expect(array?.count == 2)
    #expect(array?.allSatisfy { $0["model"] as? String == "tablemend/1" } == true)
  }

  @Test func valueWithoutArgumentsReadsStandardInput() throws {
    let result = try run(["value"], stdin: "≥95%\n不少于3次\n")
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].contains(#""op":">=""#) && lines[1].contains(#""unit":"次""#))
  }

  @Test func sourceNameNamesStandardInput() throws {
    let text = try String(
      contentsOfFile: path("corpus/seeds/000_8ec80c4d32cadcc0.txt"), encoding: .utf8)
    let result = try run(
      ["convert", "-", "--source-name", "https://example.org/form"], stdin: text)
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect((object?["source"] as? [String: Any])?["path"] as? String == "https://example.org/form")
    let misuse = try run(["convert", "--source-name", "x", path("corpus/seeds")])
    #expect(misuse.status == 64)
  }

  @Test func everyCommandsHelpShowsAnExample() throws {
    for command in ["convert", "value", "schema", "batch", "check", "cells", "show", "view"] {
      let result = try run([command, "--help"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("tablemend \(command)"), "\(command)")
      #expect(result.stdout.contains("Example"), "\(command)")
    }
  }

  /// The manual page is generated from the commands (README): regenerate it when they change.
  @Test func theManualPageNamesEveryCommandAndOption() throws {
    let page = try String(contentsOfFile: path("docs/man/tablemend.1"), encoding: .utf8)
    for command in ["convert", "value", "schema", "batch", "check", "cells", "show", "view"] {
      #expect(page.contains(".It Em \(command)"), "\(command)")
    }
    for option in ["source-name", "dialect", "encoding", "strict", "pretty", "bless", "include"] {
      #expect(page.contains("Fl -\(option)"), "\(option)")
    }
  }

  @Test func showPrintsEveryIndicatorInAlignedColumns() throws {
    let result = try run(["show", "--tables", path("corpus/seeds/002_2504e2a5ee8feded.txt")])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let kinds = [
      "comparison", "range", "deadline", "frequency", "qualitative", "multiple", "empty",
    ]
    let rows = lines.filter { line in kinds.contains { line.hasSuffix("  " + $0) } }
    #expect(rows.count == 92)
    // The kind column starts at the same display column on every row of a form's table.
    let starts = Set(
      rows.map { line in
        let kind = kinds.first { line.hasSuffix("  " + $0) } ?? ""
        return TerminalView.width(String(line.dropLast(kind.count)))
      })
    #expect(starts.count <= 5, "one start per form: \(starts)")
    #expect(result.stdout.contains("table t1:"))
    #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")
  }
}
