import Foundation
import TablemendModel
import Testing

@testable import TablemendPDF

/// mutool's stext and trace XML, read by the streamed readers.
@Suite struct MutoolXMLTests {
  @Test func stextGivesGlyphsWithBoxesAndFontSize() throws {
    let xml = """
      <?xml version="1.0"?>
      <document name="x.pdf">
      <page id="page7" width="595.25" height="841.85">
      <block bbox="0 0 1 1"><line bbox="0 0 1 1" wmode="0" dir="1 0">
      <font name="SimSun" size="10.5">
      <char quad="10 20 20.5 20 10 30.5 20.5 30.5" x="10" y="29" color="#000000" c="&#x89c4;"/>
      <char quad="20.5 20 31 20 20.5 30.5 31 30.5" x="20.5" y="29" color="#000000" c="&amp;"/>
      <char quad="31 20 41.5 20 31 30.5 41.5 30.5" x="31" y="29" color="#000000" c="&#xfffd;"/>
      </font></line></block>
      </page>
      </document>
      """
    let pages = try StextReader.read(Data(xml.utf8))
    let page = try #require(pages.first)
    #expect(page.number == 7)
    #expect(page.width == 595.25)
    #expect(page.glyphs.map(\.text) == ["规", "&"])
    #expect(page.glyphs.first?.box == Box(x0: 10, y0: 20, x1: 20.5, y1: 30.5))
    #expect(page.glyphs.first?.fontSize == 10.5)
    #expect(page.unmappedGlyphs == 1)
  }

  @Test func traceGivesRulingsAfterTheTransform() throws {
    let xml = """
      <?xml version="1.0"?>
      <document name="x.pdf">
      <page mediabox="0 0 200 100">
      <fill_path winding="eofill" colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 1 0 0">
        <moveto x="10" y="20"/><lineto x="190" y="20"/><lineto x="190" y="20.72"/>
        <lineto x="10" y="20.72"/><closepath/>
      </fill_path>
      <fill_path winding="eofill" colorspace="DeviceRGB" color="1 1 1" transform="1 0 0 1 0 0">
        <moveto x="10" y="20"/><lineto x="190" y="20"/><lineto x="190" y="21"/>
        <lineto x="10" y="21"/><closepath/>
      </fill_path>
      <fill_path winding="nonzero" colorspace="DeviceGray" color="0.9" transform="1 0 0 1 0 0">
        <moveto x="0" y="0"/><lineto x="200" y="0"/><lineto x="200" y="100"/>
        <lineto x="0" y="100"/><closepath/>
      </fill_path>
      <stroke_path linewidth=".75" colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 100">
        <moveto x="50" y="90"/><lineto x="50" y="10"/>
      </stroke_path>
      <clip_path winding="eofill" transform="1 0 0 1 0 0">
        <moveto x="0" y="0"/><lineto x="200" y="0"/>
      </clip_path>
      <fill_image alpha="1" transform="1 0 0 1 0 0"/>
      </page>
      </document>
      """
    let pages = try TraceReader.read(Data(xml.utf8))
    let page = try #require(pages.first)
    #expect(page.imageCount == 1)
    #expect(page.rulings.count == 2)
    let horizontal = try #require(page.rulings.first { $0.axis == .horizontal })
    #expect(abs(horizontal.position - 20.36) < 0.001)
    #expect(horizontal.start == 10 && horizontal.end == 190)
    let vertical = try #require(page.rulings.first { $0.axis == .vertical })
    // y flipped by the transform: 100 - 90 = 10 to 100 - 10 = 90.
    #expect(vertical.position == 50 && vertical.start == 10 && vertical.end == 90)
  }

  @Test func malformedXMLIsAnErrorWithItsPlace() {
    #expect(throws: PDFReadError.self) {
      try StextReader.read(Data("<document><page id=\"page1\"><char".utf8))
    }
    #expect(throws: PDFReadError.self) {
      try TraceReader.read(Data("<!DOCTYPE x [<!ENTITY a \"b\">]><document/>".utf8))
    }
  }
}
