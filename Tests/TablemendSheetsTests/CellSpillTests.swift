import Foundation
import Testing

@testable import TablemendSheets

/// A summarised sheet's cells written to a temporary file read back as they were written,
/// across the file's chunks, by as many readers as ask.
@Suite struct CellSpillTests {
  @Test func cellsReadBackAsWritten() throws {
    #if os(Linux)
      let spill = try #require(CellSpill())
      var cells: [SheetCell] = []
      for index in 0..<30_000 {
        let row = index / 7 + index / 1000 * 30_000
        let text =
          index % 15_000 == 7
          ? String(repeating: "长文本\n第二行", count: 120_000)  // longer than a chunk
          : index % 3 == 0 ? "项目\(index)" : "\(Double(index) * 1.25)"
        cells.append(SheetCell(row: row, column: index % 7 * 300, text: text))
      }
      cells.append(SheetCell(row: 1_048_575, column: 16_383, text: "末"))
      for cell in cells { spill.append(cell) }
      #expect(cells.last?.row ?? 0 > cells[cells.count - 2].row)
      #expect(spill.finish())
      // Two readers, each from the start.
      for _ in 0..<2 {
        let reader = CellSpill.Reader(spill)
        var read: [SheetCell] = []
        while let batch = try reader.next(size: 1000) {
          #expect(!batch.isEmpty && batch.count <= 1000)
          read += batch
        }
        #expect(read.count == cells.count)
        let first = read.indices.first { $0 < cells.count && read[$0] != cells[$0] }
        #expect(first == nil, "first difference at \(first ?? -1)")
        #expect(try reader.next() == nil)
      }
    #endif
  }

  @Test func noSpillWhereNoFileCanBeMade() {
    #expect(CellSpill(directory: "/nonexistent-\(UUID().uuidString)") == nil)
  }

  @Test func anUnfinishedSpillIsNotRead() throws {
    #if os(Linux)
      let spill = try #require(CellSpill())
      spill.append(SheetCell(row: 0, column: 0, text: "甲"))
      #expect(throws: SheetsError.self) { _ = try CellSpill.Reader(spill).next() }
    #endif
  }
}
