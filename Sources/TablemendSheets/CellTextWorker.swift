import Dispatch
import Foundation
import Synchronization

/// Cells as `WorksheetScanner` reads them, before their text is made: a batch of them with
/// their `<v>` and inline text bytes one after the other.
struct RawCellBatch: Sendable {
  /// One cell: its slot, type and style, and where its bytes end in `bytes` (its `<v>` text
  /// from the previous cell's `inlineEnd`, then its inline text).
  struct Cell: Sendable {
    var row: Int32
    var column: Int32
    var style: Int
    var kind: SheetCellText.Kind
    var valueEnd: Int
    var inlineEnd: Int
  }

  var bytes: [UInt8] = []
  var cells: [Cell] = []

  /// Cells per batch handed over.
  static let size = 4096
}

/// Makes the text of the cells `WorksheetScanner` reads on a thread of its own, batch by batch
/// in order (`SheetCellText`, `Text.lines`), while the scanner reads on: the two cores share a
/// worksheet's reading.
///
/// At most `depth` batches wait. The cells with text go to a `SheetCellCollector` in reading
/// order; `finish` gives what it made of them (every cell, or the sheet's summary), or nil
/// when a cell names a shared string past the table or there are more than `maxCells` (the
/// scanner then gives up, and libxml2 reports it).
final class CellTextWorker: Sendable {
  private struct State {
    var batches: [RawCellBatch] = []
    var outcome: SheetCellCollector.Outcome?
    var failed = false
    var joined = false
  }

  private let state = Mutex(State())
  private let items = DispatchSemaphore(value: 0)
  private let slots: DispatchSemaphore
  private let done = DispatchSemaphore(value: 0)

  /// Starts the thread.
  /// - Parameters:
  ///   - collector: Where the cells go.
  ///   - forward: When given, each batch's cells with text go to it instead, as they are made
  ///     (in order, the collector left empty); it returns false to stop the worker (which then
  ///     fails).
  init(
    cellText: SheetCellText, maxCells: Int, collector: SheetCellCollector = .keepingAll,
    forward: (@Sendable ([SheetCell]) -> Bool)? = nil, depth: Int = 4
  ) {
    slots = DispatchSemaphore(value: max(1, depth))
    Thread.detachNewThread { [self] in
      run(cellText: cellText, maxCells: maxCells, collector: collector, forward: forward)
    }
  }

  /// True once a cell failed (or `cancel` was called).
  var failed: Bool { state.withLock { $0.failed } }

  /// Hands a batch over (waits while `depth` batches wait).
  func submit(_ batch: RawCellBatch) {
    slots.wait()
    state.withLock { $0.batches.append(batch) }
    items.signal()
  }

  /// Waits for every batch handed over; what the collector made of the cells, or nil when one
  /// failed. Later calls give nil.
  func finish() -> SheetCellCollector.Outcome? {
    guard join() else { return nil }
    return state.withLock { state in
      defer { state.outcome = nil }
      return state.failed ? nil : state.outcome
    }
  }

  /// Drops what is left and waits for the thread (when `finish` was not called).
  func cancel() {
    state.withLock { $0.failed = true }
    _ = join()
  }

  /// Ends the thread once; false when it had already been ended.
  private func join() -> Bool {
    let first = state.withLock { state in
      defer { state.joined = true }
      return !state.joined
    }
    guard first else { return false }
    items.signal()
    done.wait()
    return true
  }

  private func run(
    cellText: SheetCellText, maxCells: Int, collector: SheetCellCollector,
    forward: (@Sendable ([SheetCell]) -> Bool)?
  ) {
    var cellText = cellText
    var collector = collector
    // The survey's function, made on this thread (it may keep a cache of its own).
    let tally = collector.survey?.make()
    var failed = false
    var made: [SheetCell] = []
    while true {
      items.wait()
      let next: RawCellBatch? = state.withLock {
        $0.batches.isEmpty ? nil : $0.batches.removeFirst()
      }
      // The queue is empty only at `join`'s signal (each batch is queued before its own).
      guard let batch = next else { break }
      if !failed, !state.withLock({ $0.failed }) {
        if let forward {
          made.reserveCapacity(batch.cells.count)
          failed = !Self.texts(of: batch, cellText: &cellText) { cell in
            made.append(cell)
            return true
          }
          if !failed, !made.isEmpty {
            failed = !forward(made)
            made = []
          }
        } else {
          failed = !Self.texts(of: batch, cellText: &cellText) { cell in
            guard collector.count < maxCells else { return false }
            // Cells out of reading order end the summary (`outcome` says so), not the reading.
            _ = collector.add(cell, tally: tally)
            return true
          }
        }
        if failed { state.withLock { $0.failed = true } }
      }
      slots.signal()
    }
    let outcome = failed ? nil : collector.outcome()
    state.withLock { $0.outcome = outcome }
    done.signal()
  }

  /// Hands `body` each of the batch's cells that show text, in order; false when one fails
  /// (or `body` returns false).
  static func texts(
    of batch: RawCellBatch, cellText: inout SheetCellText, _ body: (SheetCell) -> Bool
  ) -> Bool {
    batch.bytes.withUnsafeBufferPointer { bytes in
      var start = 0
      for cell in batch.cells {
        guard start <= cell.valueEnd, cell.valueEnd <= cell.inlineEnd,
          cell.inlineEnd <= bytes.count
        else { return false }
        let value = UnsafeBufferPointer(rebasing: bytes[start..<cell.valueEnd])
        let inline = UnsafeBufferPointer(rebasing: bytes[cell.valueEnd..<cell.inlineEnd])
        start = cell.inlineEnd
        guard
          let text = try? cellText.text(
            kind: cell.kind, style: cell.style, value: value, inline: inline)
        else { return false }
        if !text.isEmpty {
          guard body(SheetCell(row: Int(cell.row), column: Int(cell.column), text: text)) else {
            return false
          }
        }
      }
      return true
    }
  }
}
