import Testing

@testable import TablemendAlign

/// The named steps of reading an indicator block in layout text (`LayoutIndicatorBlock.rows()`).
@Suite struct LayoutBlockStepsTests {
  func lines(_ text: String) -> [LayoutLine] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      LayoutLine(number: $0.offset + 1, offset: 0, chars: Array($0.element))
    }
  }

  let block = """
    一级指标    二级指标    三级指标        指标值      指标值确定依据
                数量指标    培训人次        ≥500人次    计划标准
    产出指标
                质量指标    合格率          100%        行业标准
    """

  @Test func columnKindsComeFromTheHeader() throws {
    let header = try #require(LayoutIndicatorHeader(lines: lines(block)))
    let kinds = LayoutBlockColumns(header)
    #expect(kinds.labelColumns == [0, 1, 2])
    #expect(kinds.parentOf[1] == 0 && kinds.parentOf[2] == 1)
    #expect(kinds.level3Columns == [3])
    #expect(kinds.rowColumns == [3, 4, 5])
    #expect(kinds.standardColumns == [5])
  }

  @Test func orphanLinesJoinTheNearestRow() {
    // Rows start on lines 5 and 10; line 6 and line 11 start only one kind of entry.
    let merged = LayoutIndicatorBlock.attachingOrphans([[5], [-7], [10], [-12]])
    #expect(merged == [[5, 6], [10, 11]])
    // With no full row, each orphan is a row of its own.
    #expect(LayoutIndicatorBlock.attachingOrphans([[-3], [-4]]) == [[2], [3]])
  }

  @Test func entriesMakeRowsAndACentredLabelSpansThem() throws {
    let reading = LayoutIndicatorBlock(lines: lines(block))
    let header = try #require(LayoutIndicatorHeader(lines: reading.lines))
    let kinds = LayoutBlockColumns(header)
    let placed = reading.placedChunks(header, kinds)
    // 计划标准 and 行业标准 go under the column headed …依据.
    #expect(placed.filter { $0.chunk.text.hasSuffix("标准") }.allSatisfy { $0.column == 5 })
    let edges = kinds.edges(rightEdge: placed.map(\.chunk.end).max() ?? 0)
    var starts = LayoutIndicatorBlock.rowStarts(
      placed, LayoutIndicatorBlock.chunksByLine(placed), kinds, edges: edges)
    let entries = LayoutIndicatorBlock.entries(placed, rowStarts: &starts, kinds, edges: edges)
    let rows = LayoutIndicatorBlock.rows(entries, kinds)
    #expect(rows.map(\.top) == [1, 3])
    let geometry = LayoutBlockGeometry(
      headerRows: header.rowCount, headerLineCount: header.lineCount, rows: rows)
    let labels = reading.labels(placed, kinds)
    #expect(labels[1]?.map { $0.parts.joined() } == ["产出指标"])
    let spans = LayoutIndicatorBlock.labelSpans(labels, kinds, geometry, placed)
    // The 一级 label printed between the two rows spans both; each 二级 label its own row.
    #expect(spans.starts[1]?[1]?.span == 2)
    #expect(spans.starts[2]?[1]?.span == 1 && spans.starts[2]?[2]?.span == 1)
    let (out, diagnostics) = reading.rows()
    #expect(diagnostics.isEmpty)
    #expect(out.count == 3)
    #expect(out[1].cells.first { $0.column == 1 }?.rowSpan == 2)
    #expect(out[2].cells.first { $0.column == 3 }?.text == "合格率")
  }
}
