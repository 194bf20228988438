import Foundation
import TablemendValues
import Testing

@testable import Tablemend

/// Every crash the fuzzers found, kept as a test (docs/reliability.md lists them).
@Suite struct HostileFuzzRegressionTests {
  /// DOCX fuzzer: a central directory pointing past the end of the data made ZIPFoundation's
  /// in-memory archive trap (`Archive+MemoryFile.swift:59`). Now `ZipBounds` refuses it first.
  @Test func zipDirectoryPointingPastTheEnd() throws {
    let url = packageRoot.appendingPathComponent("corpus/hostile/fuzz-docx-crash-4832a24a.docx")
    do {
      _ = try Converter().convert(fileAt: url)
      Issue.record("a damaged archive converted")
    } catch {
      #expect(error.message.contains("not a readable ZIP archive"), "\(error)")
      #expect(error.message.contains("central directory entry 1 of 3"), "\(error)")
    }
  }

  /// DOCX fuzzer: a stored entry whose compressed and uncompressed sizes differ sent
  /// ZIPFoundation past the end looking for its data descriptor (`Range requires lowerBound <=
  /// upperBound` in `Archive+MemoryFile.swift`). Now `ZipBounds` refuses it first.
  @Test func storedEntryWithTwoSizes() throws {
    let url = packageRoot.appendingPathComponent(
      "corpus/hostile/fuzz-docx-stored-size-d752e661.docx")
    do {
      _ = try Converter().convert(fileAt: url)
      Issue.record("a damaged archive converted")
    } catch {
      #expect(error.message.contains("not a readable ZIP archive"), "\(error)")
      #expect(error.message.contains("is stored but declares 362 and 627 bytes"), "\(error)")
    }
  }

  /// DOCX fuzzer (its memory grew run after run): an end record whose comment length runs past
  /// the end made ZIPFoundation's `Archive(data:)` fail after opening its in-memory file, and
  /// it never closed it, leaking the archive's bytes on every such input. Now `ZipBounds`
  /// refuses the record first, so ZIPFoundation never opens it.
  @Test func endRecordCommentPastTheEnd() throws {
    let url = packageRoot.appendingPathComponent(
      "corpus/hostile/fuzz-docx-eocd-comment-0d3b20e1.docx")
    do {
      _ = try Converter().convert(fileAt: url)
      Issue.record("a damaged archive converted")
    } catch {
      #expect(error.message.contains("comment runs past the end"), "\(error)")
    }
    // The same damage made to a valid archive: its comment length set past the end.
    var valid = HostileInputs.zip([
      ("_rels/.rels", Data(HostileInputs.rels.utf8), nil),
      ("word/document.xml", HostileInputs.document(HostileInputs.table("y")), nil),
    ])
    let end = try #require(valid.lastRange(of: Data([0x50, 0x4B, 0x05, 0x06])))
    #expect(try Converter().convert(data: valid, path: "ok.docx").tables.count == 1)
    valid[end.lowerBound + 20] = 0x10
    #expect(throws: ConversionError.self) { try Converter().convert(data: valid, path: "bad.docx") }
  }

  /// The same trap reached through every entry's local-header offset, for every offset past the
  /// end of a valid archive.
  @Test func localHeaderOffsetsPastTheEnd() throws {
    let valid = HostileInputs.zip([
      ("_rels/.rels", Data(HostileInputs.rels.utf8), nil),
      ("word/document.xml", HostileInputs.document(HostileInputs.table("y")), nil),
    ])
    guard let directory = valid.lastRange(of: Data([0x50, 0x4B, 0x01, 0x02])) else {
      Issue.record("no central directory")
      return
    }
    for past in [1, 2, 30, 4096, 0x7FFF_FFFF] {
      var damaged = valid
      let offset = valid.count + past
      for k in 0..<4 {
        damaged[directory.lowerBound + 42 + k] = UInt8(truncatingIfNeeded: offset >> (8 * k))
      }
      do {
        _ = try Converter().convert(data: damaged, path: "damaged.docx")
        Issue.record("offset \(offset) converted")
      } catch {
        #expect(error.message.contains("outside the archive"), "\(error)")
      }
    }
  }

  /// Values fuzzer: `一亿亿亿` is 10^24, and counting its digits through `Int(value)` trapped
  /// (`NumberReader.swift:159`). The input as found, then the number itself and a run of 亿 long
  /// enough to overflow to infinity.
  @Test func chineseNumeralPastInt64() {
    let found = String(
      decoding: [0x00, 0xE4, 0xB8, 0x80, 0xE4, 0xB8, 0x80] + Array("亿亿亿2".utf8), as: UTF8.self)
    _ = ValueParser.parse(found)
    let value = ValueParser.parse("一亿亿亿")
    #expect(value.kind == .comparison)
    #expect(value.value == 1e24)
    _ = ValueParser.parse("一" + String(repeating: "亿", count: 60))
  }

  /// DOCX fuzzer (a hang): a deflate stream that runs to the end of the archive without
  /// finishing kept `Archive.extract` looping on empty reads forever. Now the part is inflated
  /// with a provider bounded by the entry's compressed size.
  @Test func deflateStreamRunningPastItsEntry() throws {
    let url = packageRoot.appendingPathComponent("corpus/hostile/fuzz-docx-hang-fb60b646.docx")
    do {
      _ = try Converter().convert(fileAt: url)
      Issue.record("a damaged archive converted")
    } catch {
      #expect(error.place == "zip entry word/document.xml")
      #expect(error.message.contains("cannot inflate the part"), "\(error)")
    }
  }
}
