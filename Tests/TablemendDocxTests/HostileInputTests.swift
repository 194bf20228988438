import Foundation
import TablemendDocx
import TablemendModel
import Testing

/// Bad and hostile input gives a clear `DocxError` naming the place, never a crash or a hang.
@Suite struct HostileInputTests {
  private func failure(_ body: () throws -> Void) -> DocxError? {
    do {
      try body()
      return nil
    } catch let error as DocxError {
      return error
    } catch {
      return nil
    }
  }

  @Test func doctypeIsRefusedInBareXML() throws {
    let data = Fixtures.document(
      "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
      prolog: "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n")
    let error = try #require(failure { _ = try DocxReader.read(data) })
    #expect(error.message.contains("DOCTYPE"))
    #expect(error.place == "2:1" || error.place?.hasPrefix("2:") == true)
    #expect(!error.description.contains("root:"))
  }

  @Test func doctypeWithExternalEntityIsRefusedInsideDocx() throws {
    let error = try #require(failure { _ = try Fixtures.read("hostile/doctype-entity.docx") })
    #expect(error.message.contains("DOCTYPE"))
    #expect(error.place?.hasPrefix("word/document.xml:") == true)
    let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "\u{0}"
    #expect(!error.description.contains(hostname.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  @Test func zipBombRefusedByDeclaredSize() throws {
    let error = try #require(failure { _ = try Fixtures.read("hostile/bomb-declared.docx") })
    #expect(error.place == "zip entry word/document.xml")
    #expect(error.message.contains("declares 157286"))
    #expect(error.message.contains("maxPartBytes"))
  }

  @Test func zipBombWithUnderstatedSizeStoppedWhileInflating() throws {
    var limits = Limits()
    limits.maxPartBytes = 4 << 20
    let error = try #require(
      failure { _ = try Fixtures.read("hostile/bomb-understated.docx", limits: limits) })
    #expect(error.place == "zip entry word/document.xml")
    #expect(error.message.contains("inflates past the part limit of 4194304"))
    #expect(error.message.contains("declares 1000"))
  }

  @Test func totalInflationCap() throws {
    var limits = Limits()
    limits.maxTotalInflatedBytes = 3000
    let error = try #require(
      failure { _ = try Fixtures.read("seed-002-project.docx", limits: limits) })
    #expect(error.message.contains("maxTotalInflatedBytes"))
  }

  @Test func entryCountCap() throws {
    var limits = Limits()
    limits.maxZipEntries = 2
    let error = try #require(failure { _ = try Fixtures.read("spans.docx", limits: limits) })
    #expect(error.message.contains("more than 2 entries"))
  }

  @Test func truncatedZip() throws {
    let data = try Fixtures.data("seed-002-project.docx")
    for length in [10, data.count / 2, data.count - 30] {
      let error = try #require(failure { _ = try DocxReader.read(data.prefix(length)) })
      #expect(error.message.contains("ZIP") || error.message.contains("inflate"), "\(length)")
    }
  }

  @Test func zipWithoutWordMainPart() throws {
    let error = try #require(failure { _ = try Fixtures.read("hostile/no-main-part.zip") })
    #expect(error.message.contains("not a Word document"))
    #expect(error.message.contains("_rels/.rels"))
  }

  @Test func randomBytes() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for round in 0..<50 {
      var bytes: [UInt8] = round.isMultiple(of: 2) ? [0x50, 0x4B, 0x03, 0x04] : []
      for _ in 0..<2048 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(UInt8(truncatingIfNeeded: state >> 33))
      }
      let data = Data(bytes)
      #expect(DocxReader.accepts(data) == round.isMultiple(of: 2))
      #expect(failure { _ = try DocxReader.read(data) } != nil)
    }
  }

  @Test func malformedXMLNamesLineAndColumn() throws {
    let data = Fixtures.document("<w:p><w:r><w:t>x</w:t></w:p>")
    let error = try #require(failure { _ = try DocxReader.read(data) })
    #expect(error.message.contains("malformed XML"))
    #expect(error.place?.hasPrefix("2:") == true)
  }

  @Test func nestingPastTheDepthLimit() throws {
    let open = String(repeating: "<w:customXml>", count: 40)
    let close = String(repeating: "</w:customXml>", count: 40)
    var limits = Limits()
    limits.maxXMLDepth = 32
    let error = try #require(
      failure { _ = try DocxReader.read(Fixtures.document(open + close), limits: limits) })
    #expect(error.message.contains("maxXMLDepth"))
    // libxml2's own ceiling (256 without XML_PARSE_HUGE) is also an error, not a crash.
    let deep =
      String(repeating: "<w:customXml>", count: 300)
      + String(repeating: "</w:customXml>", count: 300)
    #expect(failure { _ = try DocxReader.read(Fixtures.document(deep)) } != nil)
  }

  @Test func hugeSpanIsRefusedByTheCellLimit() throws {
    let body =
      "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999999999999999\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
    let error = try #require(failure { _ = try DocxReader.read(Fixtures.document(body)) })
    #expect(error.message.contains("grid columns wide"))
  }
}

/// What `accepts` takes: ZIP archives and Word XML only.
@Suite struct AcceptsTests {
  @Test func takesWordInputs() throws {
    #expect(DocxReader.accepts(try Fixtures.data("spans.docx")))
    #expect(DocxReader.accepts(try Fixtures.data("xml/spans-document.xml")))
    #expect(DocxReader.accepts(try Fixtures.data("xml/spans-flat.xml")))
    var bom = Data([0xEF, 0xBB, 0xBF])
    bom.append(try Fixtures.data("xml/spans-document.xml"))
    #expect(DocxReader.accepts(bom))
    #expect(Fixtures.tables(try DocxReader.read(bom)).count == 1)
    let noDeclaration = Data(
      "<w:document xmlns:w='http://purl.oclc.org/ooxml/wordprocessingml/main'><w:body/></w:document>"
        .utf8)
    #expect(DocxReader.accepts(noDeclaration))
  }

  @Test func refusesOtherXMLAndText() throws {
    let samples = [
      "<?xml version=\"1.0\"?><html><body>项目支出绩效目标表</body></html>",
      "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://example.com/not-word\"/>",
      "<?xml version=\"1.0\"?><w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"/>",
      "<document>plain</document>",
      "项目名称\t机构编制管理\n",
      "",
    ]
    for sample in samples { #expect(!DocxReader.accepts(Data(sample.utf8)), "\(sample)") }
    let seed = try Data(
      contentsOf: Fixtures.corpus.deletingLastPathComponent()
        .appendingPathComponent("seeds/002_2504e2a5ee8feded.txt"))
    #expect(!DocxReader.accepts(seed))
  }
}
