import Foundation
import Tablemend
import Testing

/// The README's library recipe, as written there: convert a file, read its forms, write JSON.
@Suite struct LibraryUsageTests {
  @Test func theReadmesThreeCallsWork() throws {
    let url = packageRoot.appendingPathComponent("corpus/docx/seed-002-project.docx")
    let document = try Converter().convert(fileAt: url)
    var lines: [String] = []
    for indicator in document.forms.flatMap(\.indicators) {
      lines.append(
        [indicator.level1, indicator.level2, indicator.level3, indicator.value.raw].joined(
          separator: " "))
    }
    let json = try JSONOutput.encode(document, pretty: true)
    #expect(lines.count == 30)
    #expect(lines.contains { $0.hasPrefix("产出指标 数量指标 ") })
    let back = try JSONSerialization.jsonObject(with: json) as? [String: Any]
    #expect(back?["model"] as? String == Document.modelVersion)
  }
}
