import Foundation
import Testing

@testable import TablemendSheets

/// Excel 2003 XML: skipped cells, merges, data types and styles.
@Suite struct SpreadsheetMLReaderTests {
  let book = """
    <?xml version="1.0"?>
    <?mso-application progid="Excel.Sheet"?>
    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
     xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
     <Styles><Style ss:ID="p"><NumberFormat ss:Format="0%"/></Style>
      <Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>
     <Worksheet ss:Name="指标">
      <Table>
       <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell></Row>
       <Row><Cell ss:MergeDown="1"><Data ss:Type="String">产出指标</Data></Cell>
        <Cell ss:Index="3" ss:StyleID="p"><Data ss:Type="Number">0.95</Data>
        <Comment ss:Author="审核"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><Font>批注</Font></ss:Data></Comment></Cell></Row>
       <Row><Cell ss:Index="2"><Data ss:Type="Boolean">1</Data></Cell>
        <Cell ss:StyleID="d"><Data ss:Type="DateTime">2021-03-04T00:00:00.000</Data></Cell></Row>
       <Row ss:Index="6"><Cell><Data ss:Type="String">第二张&#10;表</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row>
      </Table>
      <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
     </Worksheet>
    </Workbook>
    """

  @Test func indexSkipsMergesAndTypes() throws {
    let data = Data(book.utf8)
    #expect(SheetsReader.format(of: data) == .excel2003XML)
    let content = try SheetsReader.read(data)
    #expect(content.dialect == "excel-2003-xml")
    let tables = Workbooks.tables(content)
    #expect(tables.count == 2)
    #expect(
      tables.first.map(Workbooks.boxes) == [
        "0,0 1x3 标题", "1,0 2x1 产出指标", "1,2 1x1 95%", "2,1 1x1 TRUE", "2,2 1x1 2021/3/4",
      ])
    #expect(tables.last.map(Workbooks.boxes) == ["0,0 1x1 第二张\n表", "0,1 1x1 3"])
    #expect(tables.last?.cells.first?.location.ref == "A6")
    #expect(content.diagnostics.map(\.code) == ["hidden-sheet"])
  }

  @Test func otherXMLIsNotTakenAndBadIndexIsAnError() throws {
    #expect(SheetsReader.format(of: Data("<html><body/></html>".utf8)) == nil)
    let bad = book.replacingOccurrences(of: "ss:Index=\"6\"", with: "ss:Index=\"x\"")
    #expect {
      try SheetsReader.read(Data(bad.utf8))
    } throws: { error in
      (error as? SheetsError)?.message.contains("ss:Index") == true
        && (error as? SheetsError)?.place != nil
    }
  }

  @Test func hiddenColumnsPastTheGridAreIgnored() throws {
    let wide = book.replacingOccurrences(
      of: "<Table>",
      with: "<Table><Column ss:Index=\"20000\" ss:Span=\"3\" ss:Hidden=\"1\"/>"
        + "<Column ss:Index=\"16384\" ss:Span=\"9\" ss:Hidden=\"1\"/>")
    let workbook = try SheetsReader.workbook(Data(wide.utf8), format: .excel2003XML)
    #expect(workbook.sheets.first?.hiddenColumns == [16_383])
  }
}
