import Foundation
import Testing

@testable import TablemendSheets

/// BIFF8 records in a compound file: strings across CONTINUE, numbers, merges, and the
/// damaged and encrypted inputs that must end in clear errors.
@Suite struct BIFFReaderTests {
  typealias W = BIFFWriter

  /// Globals with an SST of two strings, the second split across a CONTINUE record that
  /// switches from 8-bit to 16-bit characters, and XF 1 with the built-in `0%` format.
  func globals(filepass: Bool = false, uniqueCount: UInt32 = 2) -> [UInt8] {
    var out: [UInt8] = []
    if filepass { out += W.record(0x002F, [0, 0, 1, 0, 1, 0]) }
    out += W.record(0x00E0, W.le16(0) + W.le16(0) + [UInt8](repeating: 0, count: 16))
    out += W.record(0x00E0, W.le16(0) + W.le16(9) + [UInt8](repeating: 0, count: 16))
    // "项目" wide; then "abc中文" compressed "abc" in the SST, "中文" wide in CONTINUE.
    var sst = W.le32(2) + W.le32(uniqueCount) + W.wide("项目")
    sst += W.le16(5) + [0x00] + Array("abc".utf8)
    out += W.record(0x00FC, sst)
    out += W.record(0x003C, [0x01] + Array("中文".utf16).flatMap { W.le16(Int($0)) })
    return out
  }

  func sheet() -> [UInt8] {
    var out: [UInt8] = []
    out += W.record(0x00FD, W.le16(0) + W.le16(0) + W.le16(0) + W.le32(0))
    out += W.record(0x00FD, W.le16(1) + W.le16(0) + W.le16(0) + W.le32(1))
    out += W.record(
      0x0203, W.le16(1) + W.le16(1) + W.le16(1) + W.le32(0xA3D7_0A3D) + W.le32(0x3FEE_6666))
    // RK 12.34 as integer 1234 ×0.01: (1234 << 2) | 0x02 | 0x01.
    out += W.record(0x027E, W.le16(1) + W.le16(2) + W.le16(0) + W.le32(UInt32(1234 << 2 | 3)))
    out += W.record(0x00E5, W.le16(1) + W.le16(0) + W.le16(0) + W.le16(0) + W.le16(2))
    return out
  }

  @Test func stringsAcrossContinueNumbersAndMerges() throws {
    let data = W.compoundFile([
      ("Workbook", W.workbook(globals: globals(), sheetName: "表一", sheet: sheet()))
    ])
    #expect(SheetsReader.format(of: data) == .xls)
    let content = try SheetsReader.read(data)
    #expect(content.dialect == "xls")
    let table = try #require(Workbooks.tables(content).first)
    #expect(
      Workbooks.boxes(table) == ["0,0 1x3 项目", "1,0 1x1 abc中文", "1,1 1x1 95%", "1,2 1x1 12.34"])
    #expect(table.cells.first?.location.sheet == "表一")
  }

  @Test func encryptedWorkbookIsAClearError() {
    let data = W.compoundFile([
      ("Workbook", W.workbook(globals: globals(filepass: true), sheet: sheet()))
    ])
    #expect {
      try SheetsReader.read(data)
    } throws: { error in
      (error as? SheetsError)?.message.contains("encrypted") == true
        && (error as? SheetsError)?.place?.hasPrefix("BIFF record 0x002F at byte") == true
    }
  }

  @Test func lyingSSTCountReadsWhatIsThere() throws {
    let data = W.compoundFile([
      ("Workbook", W.workbook(globals: globals(uniqueCount: 4_000_000_000), sheet: sheet()))
    ])
    let table = try #require(Workbooks.tables(try SheetsReader.read(data)).first)
    #expect(table.cells.first?.text == "项目")
  }

  @Test func fatLoopTruncationAndWordFilesAreErrors() {
    let book = W.workbook(globals: globals(), sheet: sheet())
    let loop = W.compoundFile([("Workbook", book)], loop: true)
    #expect {
      try SheetsReader.read(loop, format: .xls)
    } throws: { error in
      (error as? SheetsError)?.message.contains("loops") == true
    }
    let whole = W.compoundFile([("Workbook", book)])
    #expect(throws: SheetsError.self) { try SheetsReader.read(whole.prefix(2048), format: .xls) }
    let word = W.compoundFile([("WordDocument", [1, 2, 3])])
    #expect(SheetsReader.format(of: word) == nil)
    #expect(SheetsReader.isCompoundFile(word))
    #expect {
      try SheetsReader.read(word, format: .xls)
    } throws: { error in
      (error as? SheetsError)?.message.contains("no Workbook stream") == true
    }
  }

  @Test func truncatedRecordNamesItsOffset() {
    // A LABELSST record whose declared length runs past the end of the stream.
    let book = W.workbook(globals: globals(), sheet: sheet() + W.le16(0x00FD) + W.le16(0xFFFF))
    let data = W.compoundFile([("Workbook", book)])
    #expect {
      try SheetsReader.read(data)
    } throws: { error in
      (error as? SheetsError)?.place?.hasPrefix("BIFF record 0x00FD at byte") == true
        && (error as? SheetsError)?.message.contains("truncated") == true
    }
  }

  @Test func passwordProtectedXLSXIsAClearError() {
    // Excel and WPS wrap an encrypted .xlsx in a compound file with these two streams.
    let data = W.compoundFile([("EncryptionInfo", [4, 0, 4, 0]), ("EncryptedPackage", [0, 1, 2])])
    #expect(SheetsReader.format(of: data) == .xls)
    #expect {
      try SheetsReader.read(data)
    } throws: { error in
      (error as? SheetsError)?.message.contains("encrypted") == true
    }
  }
}
