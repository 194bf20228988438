import Foundation
import Testing

@testable import TablemendModel

@Suite struct JSONOutputTests {
  @Test func keysAreSortedAndNullsKeptWhereTheContractWantsThem() throws {
    let indicator = Indicator(
      period: "annual", level1: "产出指标", level2: "数量指标", level3: "审核单位个数",
      value: .comparison(raw: "大于等于 100 个", op: .greaterOrEqual, value: 100, unit: "个"),
      location: Location(line: 47, column: 4))
    let json = try #require(String(data: try JSONOutput.encode(indicator), encoding: .utf8))
    #expect(json.contains(#""standard":null"#))
    #expect(!json.contains("evaluation"))
    #expect(json.contains(#""op":">=""#))
    let keys = ["history", "level1", "level2", "level3", "location", "period", "standard", "value"]
    let positions = keys.compactMap { json.range(of: "\"\($0)\":")?.lowerBound }
    #expect(positions.count == keys.count)
    #expect(positions == positions.sorted())
  }

  @Test func sameValueEncodesToSameBytes() throws {
    let cell = Cell(
      row: 0, column: 1, rowSpan: 2, paragraphs: ["总体目标", "第二段"],
      location: Location(line: 3, column: 1), inferred: ["rowSpan"])
    #expect(try JSONOutput.encode(cell) == JSONOutput.encode(cell))
    #expect(cell.text == "总体目标\n第二段")
  }

  @Test func slotIndexCoversSpans() {
    let table = Table(
      id: "t1", rowCount: 2, columnCount: 2,
      cells: [
        Cell(row: 0, column: 0, rowSpan: 2, paragraphs: ["a"], location: .init(line: 1, column: 1)),
        Cell(row: 0, column: 1, paragraphs: ["b"], location: .init(line: 1, column: 3)),
        Cell(row: 1, column: 1, paragraphs: ["c"], location: .init(line: 2, column: 3)),
      ])
    let slots = table.slotIndex()
    #expect(slots[1][0] == 0)
    #expect(table.cell(coveringRow: 1, column: 0)?.text == "a")
  }
}
