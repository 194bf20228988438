import Foundation
import Testing

@testable import Tablemend

/// Every hostile input ends with its expected error naming the file (or a clean result), never
/// a crash: the committed small files of `corpus/hostile/` and the big ones built in-process.
@Suite struct HostileCorpusTests {
  static let hostile = packageRoot.appendingPathComponent("corpus/hostile")

  /// What each committed file must give: a phrase of the error, or nil for a clean result.
  static let expected: [String: String?] = [
    // Refused at its DOCTYPE, before any entity is declared or expanded.
    "billion-laughs.xml": "DOCTYPE",
    "xxe-local-file.xml": "DOCTYPE",
    "xxe-local-file.docx": "DOCTYPE",
    "xxe-parameter-entity.xml": "DOCTYPE",
    "external-dtd.xml": "DOCTYPE",
    "external-dtd.docx": "DOCTYPE",
    "truncated.docx": "not a readable ZIP archive",
    "random-bytes.docx": "invalid or truncated GB18030",
    "random-bytes-pk.docx": "not a readable ZIP archive",
    "zip-local-header-past-end.docx": "points at a local header outside the archive",
    "fuzz-docx-crash-4832a24a.docx": "not a readable ZIP archive",
    "fuzz-docx-hang-fb60b646.docx": "cannot inflate the part",
    "fuzz-docx-stored-size-d752e661.docx": "is stored but declares",
    "fuzz-docx-eocd-comment-0d3b20e1.docx": "comment runs past the end",
    "unclosed.xml": "malformed XML",
    "invalid-utf8.txt": "byte 22",
    "truncated-gb18030.txt": "byte 94: invalid or truncated GB18030",
    "nul-bytes.txt": "NUL byte",
    "odd-utf16.txt": "middle of a code unit",
    "empty.txt": nil,
    "empty.docx": nil,
  ]

  /// What each committed PDF must give (with mutool installed): a phrase of the error, or a
  /// diagnostic code for a document read with a warning.
  static let expectedPDF: [String: (error: String?, diagnostic: String?)] = [
    "truncated.pdf": (nil, "pdf-damaged"),
    "encrypted.pdf": ("encrypted and needs a password", nil),
    "garbage-after-header.pdf": ("broken or unreadable PDF", nil),
  ]

  /// The error `convert` throws, or nil when it returns a document.
  static func failure(_ url: URL, limits: Limits = .standard) -> ConversionError? {
    do {
      _ = try Converter(options: ConvertOptions(limits: limits)).convert(fileAt: url)
      return nil
    } catch {
      return error
    }
  }

  @Test func corpusHoldsEveryKindAndNoGolden() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.hostile.path)
    #expect(Set(names) == Set(Self.expected.keys).union(Self.expectedPDF.keys))
    #expect(!names.contains { $0.hasSuffix(".json") })
  }

  @Test(arguments: expected.keys.sorted())
  func committedFileEndsAsExpected(_ name: String) throws {
    let url = Self.hostile.appendingPathComponent(name)
    let error = Self.failure(url)
    guard let phrase = Self.expected[name] ?? nil else {
      #expect(error == nil, "\(name): \(error?.description ?? "")")
      return
    }
    let thrown = try #require(error, "\(name) converted without an error")
    #expect(thrown.description.contains(phrase), "\(thrown)")
    #expect(thrown.path == url.path)
    #expect(!thrown.description.contains("\n"))
  }

  @Test(
    .enabled(if: mutoolInstalled, "needs mutool (mupdf-tools)"),
    arguments: expectedPDF.keys.sorted())
  func committedPDFEndsAsExpected(_ name: String) throws {
    let url = Self.hostile.appendingPathComponent(name)
    let expected = try #require(Self.expectedPDF[name])
    let converter = Converter()
    do {
      let document = try converter.convert(fileAt: url)
      #expect(expected.error == nil, "\(name) converted without an error")
      if let code = expected.diagnostic {
        #expect(document.diagnostics.map(\.code).contains(code))
      }
      #expect(document.source.dialect == "pdf")
    } catch {
      let phrase = try #require(expected.error, "\(name): \(error)")
      #expect(error.description.contains(phrase), "\(error)")
      #expect(error.path == url.path)
      #expect(!error.description.contains("\n"))
      #expect(!error.description.contains("tablemend-pdf-"), "no temporary path: \(error)")
    }
  }

  @Test func externalEntityNeverReadsTheMarkerFile() throws {
    let dir = try TemporaryDirectory()
    let marker = dir.url.appendingPathComponent("marker.txt")
    let secret = "tablemend-marker-\(UInt64.random(in: 1...UInt64.max))"
    try Data(secret.utf8).write(to: marker)
    let input = dir.url.appendingPathComponent("xxe.xml")
    try HostileInputs.externalEntity(marker.path).write(to: input)
    let error = try #require(Self.failure(input))
    #expect(error.message.contains("DOCTYPE"))
    #expect(!error.description.contains(secret))
  }

  @Test func zipBombStoppedByItsDeclaredSize() throws {
    let dir = try TemporaryDirectory()
    let input = dir.url.appendingPathComponent("bomb.docx")
    try HostileInputs.zipBomb(matches: 1_000_000).write(to: input)  // 258 MB inflated
    let error = try #require(Self.failure(input))
    #expect(error.place == "zip entry word/document.xml")
    #expect(error.message.contains("declares 258000001 bytes"))
    #expect(error.message.contains("maxPartBytes"))
  }

  @Test func zipBombUnderstatingItsSizeStoppedWhileInflating() throws {
    let dir = try TemporaryDirectory()
    let input = dir.url.appendingPathComponent("understated.docx")
    try HostileInputs.zipBomb(matches: 200_000, declaring: 1024).write(to: input)  // 51.6 MB
    var limits = Limits()
    limits.maxPartBytes = 8 << 20
    let error = try #require(Self.failure(input, limits: limits))
    #expect(error.message.contains("inflates past the part limit of 8388608"))
    #expect(error.message.contains("declares 1024"))
  }

  @Test func inflatedBombBelowTheCapsIsReadAsXML() throws {
    // The generator itself is right: a small bomb inflates, and is then refused as non-XML
    // spaces only (libxml2 finds no root element).
    let dir = try TemporaryDirectory()
    let input = dir.url.appendingPathComponent("small.docx")
    try HostileInputs.zipBomb(matches: 100).write(to: input)
    let error = try #require(Self.failure(input))
    #expect(
      error.place?.hasPrefix("word/document.xml") == true
        || error.place == "zip entry word/document.xml")
    #expect(!error.message.contains("cannot inflate"), "\(error)")
  }

  @Test func tooManyZipEntries() throws {
    let dir = try TemporaryDirectory()
    let input = dir.url.appendingPathComponent("entries.docx")
    try HostileInputs.manyEntries(20_000).write(to: input)
    let error = try #require(Self.failure(input))
    #expect(error.message.contains("more than 10000 entries"))
    #expect(error.message.contains("maxZipEntries"))
  }

  @Test func eightyMegabyteLineStoppedByTheLineLimit() throws {
    let dir = try TemporaryDirectory()
    let input = dir.url.appendingPathComponent("line.txt")
    try HostileInputs.longLine(80 << 20).write(to: input)
    // With the defaults the text size limit stops it before it is decoded.
    let early = try #require(Self.failure(input))
    #expect(early.message.contains("(maxTextBytes)"))
    // With room for the text, the line limit stops it at its first line.
    var limits = Limits()
    limits.maxTextBytes = 128 << 20
    let error = try #require(Self.failure(input, limits: limits))
    #expect(error.message.contains("maxLineLength"))
    #expect(error.place == "1:1")
  }

  @Test func nestingFiftyThousandDeep() throws {
    let dir = try TemporaryDirectory()
    let input = dir.url.appendingPathComponent("deep.xml")
    try HostileInputs.deepNesting(50_000).write(to: input)
    let error = try #require(Self.failure(input))
    #expect(error.message.contains("deeper than 200 elements (limit maxXMLDepth)"), "\(error)")
  }

  @Test func inputOverTheSizeLimit() throws {
    var limits = Limits()
    limits.maxInputBytes = 1000
    let url = packageRoot.appendingPathComponent("corpus/seeds/000_8ec80c4d32cadcc0.txt")
    let error = try #require(Self.failure(url, limits: limits))
    #expect(error.message.contains("maxInputBytes"))
    #expect(error.path == url.path)
  }

  @Test func tooManyRowsInATextTable() throws {
    var text = "一级指标\t二级指标\t三级指标\t指标值\n"
    for i in 0..<3_000 { text += "产出指标\t数量指标\t服务人次\(i)\t≥\(i)人次\n" }
    var limits = Limits()
    limits.maxRowsPerTable = 2_000
    do {
      _ = try Converter(options: ConvertOptions(limits: limits)).convert(
        data: Data(text.utf8), path: "rows.txt")
      Issue.record("3001 rows passed a limit of 2000")
    } catch {
      #expect(error.description.hasPrefix("rows.txt"))
      #expect(error.message.contains("maxRowsPerTable"), "\(error)")
    }
  }
}

/// A fresh directory under the system's temporary folder, removed on deinit.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tablemend-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
