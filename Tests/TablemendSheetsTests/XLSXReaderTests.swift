import Foundation
import TablemendModel
import Testing

@testable import TablemendSheets

/// `.xlsx` cells, strings, formats, merges and limits.
@Suite struct XLSXReaderTests {
  let styles = """
    <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>\
    <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/>\
    <xf numFmtId="31"/><xf numFmtId="14"/></cellXfs>
    """

  @Test func richTextRunsJoinAndPhoneticRunsAreLeftOut() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "表",
          "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row></sheetData>"
        )
      ],
      strings: [
        "<r><t>产出</t></r><r><rPr><b/></rPr><t>指标</t></r><rPh sb=\"0\" eb=\"2\"><t>チャンシュツ</t></rPh>",
        "<t>line one_x000D_\nline two</t>",
      ])
    let content = try SheetsReader.read(data)
    let table = try #require(Workbooks.tables(content).first)
    #expect(table.cells.map(\.text) == ["产出指标", "line one\nline two"])
    #expect(table.cells[1].paragraphs == ["line one", "line two"])
    #expect(content.dialect == "xlsx")
  }

  @Test func numberFormatsFromStyles() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "S",
          """
          <sheetData><row r="1"><c r="A1" s="1"><v>0.95</v></c><c r="B1" s="2"><v>0.123</v></c>\
          <c r="C1" s="3"><v>44197</v></c><c r="D1" s="4"><v>44197</v></c><c r="E1"><v>12.5</v></c>\
          <c r="F1" t="b"><v>1</v></c><c r="G1" t="str"><f>A1*2</f><v>1.9</v></c>\
          <c r="H1" t="inlineStr"><is><t>内联</t></is></c><c r="I1" t="e"><v>#DIV/0!</v></c></row></sheetData>
          """
        )
      ], styles: styles)
    let table = try #require(Workbooks.tables(try SheetsReader.read(data)).first)
    #expect(
      table.cells.map(\.text) == [
        "95%", "12.3%", "2021年1月1日", "2021/1/1", "12.5", "TRUE", "1.9", "内联", "#DIV/0!",
      ])
  }

  @Test func date1904Workbook() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "S",
          "<sheetData><row r=\"1\"><c r=\"A1\" s=\"3\"><v>42735</v></c><c r=\"B1\" s=\"3\"><v>0</v></c></row></sheetData>"
        )
      ],
      styles: styles, date1904: true)
    let table = try #require(Workbooks.tables(try SheetsReader.read(data)).first)
    #expect(table.cells.map(\.text) == ["2021年1月1日", "1904年1月1日"])
  }

  @Test func mergesBecomeSpansWithSheetLocations() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "绩效",
          """
          <sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>项目支出绩效目标表</t></is></c></row>\
          <row r="3"><c r="B3" t="inlineStr"><is><t>绩效指标</t></is></c><c r="C3" t="inlineStr"><is><t>产出指标</t></is></c>\
          <c r="D3" t="inlineStr"><is><t>数量</t></is></c></row>\
          <row r="4"><c r="C4" t="inlineStr"><is><t>hidden under the merge</t></is></c><c r="D4" t="inlineStr"><is><t>质量</t></is></c></row></sheetData>\
          <mergeCells count="3"><mergeCell ref="B2:D2"/><mergeCell ref="B3:B4"/><mergeCell ref="C3:C4"/></mergeCells>
          """
        )
      ])
    let table = try #require(Workbooks.tables(try SheetsReader.read(data)).first)
    #expect(table.rowCount == 3 && table.columnCount == 3)
    #expect(
      Workbooks.boxes(table) == [
        "0,0 1x3 项目支出绩效目标表", "1,0 2x1 绩效指标", "1,1 2x1 产出指标", "1,2 1x1 数量", "2,2 1x1 质量",
      ])
    #expect(table.cells.first?.location == Location.sheet("绩效", row: 1, column: 1))
    #expect(table.cells.first?.location.ref == "B2")
    #expect(table.slotIndex().allSatisfy { $0.allSatisfy { $0 != nil } })
  }

  @Test func blankRowsSplitASheetAndLoneCellsAreParagraphs() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "S",
          """
          <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>\
          <row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>\
          <row r="4"><c r="A4"><v>3</v></c></row>\
          <row r="7"><c r="C7"><v>4</v></c><c r="D7"><v>5</v></c></row></sheetData>
          """
        )
      ])
    let content = try SheetsReader.read(data)
    #expect(Workbooks.paragraphs(content) == ["标题"])
    let tables = Workbooks.tables(content)
    #expect(tables.map(\.id) == ["t1", "t2"])
    #expect(tables.map { [$0.rowCount, $0.columnCount] } == [[2, 2], [1, 2]])
    #expect(tables.last?.cells.first?.location.ref == "C7")
  }

  @Test func lyingDimensionAndPhantomRowCostNothing() throws {
    var rows = "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"
    rows += "<row r=\"1048576\"><c r=\"A1048576\" s=\"1\"/><c r=\"XFD1048576\" s=\"1\"/></row>"
    let data = try Workbooks.xlsx(
      sheets: [("S", "<dimension ref=\"A1:XFD1048576\"/><sheetData>\(rows)</sheetData>")],
      styles: styles)
    let clock = ContinuousClock()
    let start = clock.now
    let tables = Workbooks.tables(try SheetsReader.read(data))
    #expect(clock.now - start < .seconds(2))
    #expect(tables.map { [$0.rowCount, $0.columnCount] } == [[1, 2]])
  }

  @Test func hiddenSheetsAndRowsAreKeptAndReported() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "A",
          "<sheetData><row r=\"1\" hidden=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row></sheetData>"
        ),
        (
          "B",
          "<sheetData><row r=\"1\"><c r=\"A1\"><v>2</v></c><c r=\"B1\"><v>1</v></c></row></sheetData>"
        ),
      ], hidden: ["B"])
    let content = try SheetsReader.read(data)
    #expect(Workbooks.tables(content).count == 2)
    #expect(content.diagnostics.map(\.code).sorted() == ["hidden-rows", "hidden-sheet"])
  }

  @Test func badSharedStringIndexNamesThePlace() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        ("S", "<sheetData>\n<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData>")
      ],
      strings: ["<t>only one</t>"])
    #expect {
      try SheetsReader.read(data)
    } throws: { error in
      guard let error = error as? SheetsError else { return false }
      return error.place?.hasPrefix("xl/worksheets/sheet1.xml:") == true
        && error.message.contains("shared string 7")
    }
  }

  @Test func badReferenceAndTruncatedArchiveAreErrors() throws {
    let bad = try Workbooks.xlsx(
      sheets: [("S", "<sheetData><row r=\"1\"><c r=\"A0\"><v>1</v></c></row></sheetData>")])
    #expect(throws: SheetsError.self) { try SheetsReader.read(bad) }
    let good = try Workbooks.xlsx(sheets: [("S", "<sheetData/>")])
    #expect(SheetsReader.format(of: good) == .xlsx)
    #expect(throws: SheetsError.self) {
      try SheetsReader.read(good.prefix(good.count - 30), format: .xlsx)
    }
  }

  @Test func tooWideATableIsALimitError() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "S",
          "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>2</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row></sheetData>"
        )
      ])
    var limits = Limits()
    limits.maxCellsPerTable = 20_000
    #expect(throws: SheetsError.self) { try SheetsReader.read(data, limits: limits) }
    let table = try #require(Workbooks.tables(try SheetsReader.read(data)).first)
    #expect(table.columnCount == 16_384)
  }

  @Test func manyPhantomRowsStaySparse() throws {
    var rows = "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"
    rows.reserveCapacity(8 << 20)
    for r in stride(from: 2, through: 1_048_576, by: 5) {
      rows += "<row r=\"\(r)\"><c s=\"1\"/></row>"
    }
    let data = try Workbooks.xlsx(sheets: [("S", "<sheetData>\(rows)</sheetData>")], styles: styles)
    let workbook = try SheetsReader.workbook(data, format: .xlsx)
    #expect(workbook.sheets.first?.cells.count == 2)
    let tables = Workbooks.tables(try SheetsReader.read(data))
    #expect(tables.map { [$0.rowCount, $0.columnCount] } == [[1, 2]])
  }

  @Test func inflationPastThePartLimitStops() throws {
    let rows = String(repeating: "<row><c><v>1</v></c></row>", count: 20_000)
    let data = try Workbooks.xlsx(sheets: [("S", "<sheetData>\(rows)</sheetData>")])
    var limits = Limits()
    limits.maxPartBytes = 64 << 10
    #expect {
      try SheetsReader.read(data, limits: limits)
    } throws: { error in
      (error as? SheetsError)?.message.contains("maxPartBytes") == true
    }
  }

  @Test func tooManyMergesAreALimitError() throws {
    var merges = ""
    for k in 0..<65_537 { merges += "<mergeCell ref=\"A\(2 * k + 1):B\(2 * k + 1)\"/>" }
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "S",
          "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells>\(merges)</mergeCells>"
        )
      ])
    #expect {
      try SheetsReader.read(data)
    } throws: { error in
      (error as? SheetsError)?.message.contains("65537 merged ranges") == true
    }
  }

  @Test func hiddenColumnsPastTheGridAreIgnored() throws {
    let data = try Workbooks.xlsx(
      sheets: [
        (
          "S",
          "<cols><col min=\"20000\" max=\"20002\" hidden=\"1\"/><col min=\"3\" max=\"3\" hidden=\"1\"/></cols>"
            + "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>"
        )
      ])
    let workbook = try SheetsReader.workbook(data, format: .xlsx)
    #expect(workbook.sheets.first?.hiddenColumns == [2])
  }

  @Test func formatCodesWithUnusualLettersDoNotTrap() {
    #expect(NumberFormat.format(1, code: "İ0", date1904: false) == "İ1")
    #expect(
      NumberFormat.format(1e300, code: String(repeating: "%", count: 400) + "0", date1904: false)
        == "1E+300")
  }
}
