import Foundation
import TablemendDocx
import TablemendModel
import Testing

@testable import TablemendSheets

/// A worksheet parsed as it is inflated gives the sheet the whole part gives, and a damaged
/// one still fails with the whole part's error.
@Suite struct StreamedSheetTests {
  /// A sheet of `rows` rows (about 130 bytes of XML each: many 256 KB pieces for 3,000) with
  /// shared and inline strings, entities, phonetic runs, styles, merges and hidden rows.
  func body(rows: Int) -> String {
    var xml = "<cols><col min=\"3\" max=\"3\" hidden=\"1\"/></cols><sheetData>"
    for r in 1...rows {
      xml += "<row r=\"\(r)\"\(r % 500 == 0 ? " hidden=\"1\"" : "")>"
      xml += "<c r=\"A\(r)\" t=\"s\"><v>\(r % 2)</v></c>"
      xml += "<c r=\"B\(r)\" t=\"inlineStr\"><is><t>项目\(r) &amp; &lt;乙&gt;</t>"
      xml += "<rPh sb=\"0\" eb=\"1\"><t>xiang</t></rPh></is></c>"
      xml += "<c r=\"C\(r)\" s=\"1\"><v>\(Double(r) / 100)</v></c><c r=\"D\(r)\"><v>\(r)</v></c>"
      xml += "</row>"
    }
    xml += "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:B3\"/></mergeCells>"
    return xml
  }

  func sheets(_ data: Data) throws -> (streamed: Sheet, whole: Sheet) {
    let part = "xl/worksheets/sheet1.xml"
    let styles = XLSXReader.Styles(formatIDs: [0, 9], codes: [:])
    let strings = ["甲", "乙\n丙"]
    var package = try DocxPackage(data: data, limits: .standard)
    let streamed = try XLSXReader.readSheetStreaming(
      &package, part: part, strings: strings, styles: styles, date1904: false,
      limits: .standard)
    var again = try DocxPackage(data: data, limits: .standard)
    let xml = try #require(try again.part(part))
    let whole = try XLSXReader.readSheet(
      xml, part: part, strings: strings, styles: styles, date1904: false, limits: .standard)
    return (streamed, whole)
  }

  @Test func piecesGiveTheWholePartsSheet() throws {
    for rows in [1, 3_000] {
      let data = try Workbooks.xlsx(sheets: [("表", body(rows: rows))])
      let (streamed, whole) = try sheets(data)
      #expect(streamed == whole)
      #expect(whole.cells.count == rows * 4)
      #expect(whole.merges.count == 1)
    }
  }

  @Test func aDamagedSheetFailsAsTheWholePartDoes() throws {
    let broken = try Workbooks.xlsx(
      sheets: [("表", body(rows: 3_000) + "<c>")], strings: ["<t>甲</t>", "<t>乙</t>"])
    #expect(throws: SheetsError.self) { _ = try sheets(broken) }
    // Through the reader: the whole part's error, with its exact place.
    var wholeError: SheetsError?
    var package = try DocxPackage(data: broken, limits: .standard)
    let xml = try #require(try package.part("xl/worksheets/sheet1.xml"))
    do throws(SheetsError) {
      _ = try XLSXReader.readSheet(
        xml, part: "xl/worksheets/sheet1.xml", strings: ["甲", "乙"], styles: .init(),
        date1904: false, limits: .standard)
    } catch { wholeError = error }
    var readError: SheetsError?
    do throws(SheetsError) { _ = try SheetsReader.read(broken) } catch { readError = error }
    #expect(wholeError != nil)
    #expect(readError?.place == wholeError?.place)
    #expect(readError?.message == wholeError?.message)
  }
}
