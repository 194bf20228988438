import Foundation
import Testing

@testable import Tablemend

/// `JSONOutput.encode` (the fast writer) against Foundation's `JSONEncoder` on every document
/// the corpus converts to.
@Suite struct JSONWriterParityTests {
  func reference<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try encoder.encode(value)
  }

  func corpusFiles() throws -> [URL] {
    var files: [URL] = []
    for folder in ["corpus/seeds", "corpus/docx", "corpus/docx/hostile"] {
      let url = packageRoot.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
      where name.hasSuffix(".txt") || name.hasSuffix(".docx") {
        files.append(url.appendingPathComponent(name))
      }
    }
    return files
  }

  @Test func everyCorpusDocumentEncodesToFoundationsBytes() throws {
    var documents: [Document] = []
    for file in try corpusFiles() {
      if let document = try? Converter().convert(fileAt: file) { documents.append(document) }
    }
    #expect(documents.count >= 10)
    #expect(documents.contains { !$0.forms.isEmpty && !$0.forms[0].fields.isEmpty })
    for document in documents {
      let fast = try JSONOutput.encode(document)
      let slow = try reference(document)
      #expect(fast == slow, "\(document.source.path): \(fast.count) vs \(slow.count) bytes")
      for form in document.forms {
        #expect(try JSONOutput.encode(form.fields) == reference(form.fields))
        for indicator in form.indicators {
          #expect(try JSONOutput.encode(indicator.value) == reference(indicator.value))
        }
      }
    }
    #expect(try JSONOutput.encode(documents) == reference(documents))
  }

  @Test func piecesWrittenJoinToTheEncodedBytes() throws {
    // Small pieces (a cell or two each) and one piece for all: the same bytes as `encode`.
    var checked = 0
    for file in try corpusFiles().prefix(12) {
      guard let document = try? Converter().convert(fileAt: file) else { continue }
      let whole = try JSONOutput.encode(document)
      for chunkSize in [1, 300, 1 << 20] {
        var joined = Data()
        var pieces = 0
        try JSONOutput.write(document, chunkSize: chunkSize) { bytes in
          joined.append(contentsOf: bytes)
          pieces += 1
        }
        #expect(joined == whole, "\(document.source.path) in pieces of \(chunkSize)")
        if chunkSize == 1 { #expect(pieces > document.tables.reduce(0) { $0 + $1.cells.count }) }
      }
      checked += 1
    }
    #expect(checked >= 8)
    // What the CLI writes: the pieces of a document over the streaming threshold, or the parts
    // of a smaller one.
    let file = packageRoot.appendingPathComponent("corpus/seeds/000_8ec80c4d32cadcc0.txt")
    let whole = try Converter().convertForOutput(fileAt: file)
    #expect(whole.json != nil)
    let forced = try Converter().convertForOutput(
      data: Data(contentsOf: file), path: file.path, streamedCells: 0)
    #expect(forced.json == nil)
    var joined = Data()
    try forced.write { joined.append(contentsOf: $0) }
    #expect(joined == whole.json?.reduce(into: Data()) { $0.append($1) })
  }

  @Test func seedTextForcedThroughOtherDialectsStillMatches() throws {
    // Odd dialects give odd grids, cells and diagnostics: more shapes for the writer.
    for name in ["000_8ec80c4d32cadcc0.txt", "002_2504e2a5ee8feded.txt"] {
      let data = try Data(contentsOf: packageRoot.appendingPathComponent("corpus/seeds/\(name)"))
      for dialect in ["tab-per-row", "cell-per-line"] {
        let converter = Converter(options: ConvertOptions(dialect: dialect))
        guard let document = try? converter.convert(data: data, path: name) else { continue }
        #expect(try JSONOutput.encode(document) == reference(document), "\(name) as \(dialect)")
      }
    }
  }
}
