import Dispatch
import Foundation
import Synchronization
import TablemendDocx
import TablemendModel

/// A summarised sheet's cells read again as they are needed: from the temporary file the first
/// reading wrote them to (`CellSpill`), or, when there is none, from the worksheet part,
/// inflated and scanned piece by piece and the cells' text made as the first reading made them
/// (`WorksheetScanner`, `CellTextWorker`) on threads of their own (`Reading`); handed over in
/// reading order while the caller writes the cells before them.
///
/// The tables of one sheet share it: each asks for the cells of its rows, and one reading
/// serves them all when they ask in order (as a writer does); a table asking for rows already
/// passed starts a new reading. The first reading of the part succeeded with the same scanner
/// on the same bytes, so a reading again fails only if something is badly wrong: it then hands
/// nothing more, and `failure` says why.
final class SheetReplay: Sendable {
  /// What reading the part again needs.
  struct Source: Sendable {
    var data: Data
    var part: String
    var strings: [String]
    var styles: XLSXReader.Styles
    var date1904: Bool
    var limits: Limits
    /// Called every `XLSXReader.releaseBytes` scanned (see `SheetsReader.readGrids`).
    var releaseInput: (@Sendable () -> Void)?
  }

  private struct State {
    var reading: Reading.Handle?
    /// The spill read back, when there is one.
    var spilled: CellSpill.Reader?
    /// The batch being handed over, and the index of its next cell.
    var batch: [SheetCell] = []
    var index = 0
    /// The last row whose cells were all read (handed over or passed).
    var passed = -1
    var failure: SheetsError?
  }

  private let source: Source
  /// The sheet's cells as the first reading wrote them, read back instead of the part.
  private let spill: CellSpill?
  private let state = Mutex(State())

  init(_ source: Source, spill: CellSpill? = nil) {
    self.source = source
    self.spill = spill
  }

  /// Why a reading again failed, if one did.
  var failure: SheetsError? { state.withLock { $0.failure } }

  /// Hands `body` each cell with text in `rows`, in reading order (the cells a merge hides
  /// too). Nothing when a reading fails (`failure`).
  func forEachCell(in rows: ClosedRange<Int>, _ body: (SheetCell) -> Void) {
    var first = true
    while let cells = cells(in: rows, first: first) {
      first = false
      for cell in cells { body(cell) }
    }
  }

  /// The next cells with text in `rows`, in reading order (the cells a merge hides too), a
  /// batch at a time; nil once `rows` has no more (or a reading failed: `failure`). `first`
  /// asks for the first batch of `rows` (a new reading starts when they were passed).
  func cells(in rows: ClosedRange<Int>, first: Bool) -> ArraySlice<SheetCell>? {
    state.withLock { state -> ArraySlice<SheetCell>? in
      guard state.failure == nil else { return nil }
      if first,
        (state.reading == nil && state.spilled == nil) || rows.lowerBound <= state.passed
      {
        if let spill {
          state.spilled = CellSpill.Reader(spill)
        } else {
          state.reading = Reading.Handle(Reading(source))
        }
        state.batch = []
        state.index = 0
        state.passed = -1
      }
      let reading = state.reading?.reading
      guard reading != nil || state.spilled != nil else { return nil }
      do throws(SheetsError) {
        while true {
          if state.index == state.batch.count {
            let read: [SheetCell]?
            if let spilled = state.spilled {
              read = try spilled.next()
            } else {
              read = try reading?.next()
            }
            guard let next = read else {
              state.passed = .max
              return nil
            }
            state.batch = next
            state.index = 0
          }
          var start = state.index
          while start < state.batch.count, state.batch[start].row < rows.lowerBound { start += 1 }
          state.index = start
          if start == state.batch.count { continue }
          if state.batch[start].row > rows.upperBound {
            state.passed = rows.upperBound
            return nil
          }
          var end = start + 1
          while end < state.batch.count, state.batch[end].row <= rows.upperBound { end += 1 }
          state.index = end
          return state.batch[start..<end]
        }
      } catch {
        state.failure = error
        state.reading = nil
        state.spilled = nil
        state.batch = []
        return nil
      }
    }
  }

  /// One reading of the part on threads of its own (the scanner's and its worker's), handing
  /// batches of cells over in order; at most `depth` batches wait.
  private final class Reading: Sendable {
    private struct Queue {
      var batches: [[SheetCell]] = []
      /// Set by the reading thread once it has handed everything over (or failed).
      var ended = false
      var failure: SheetsError?
      var cancelled = false
      /// Set by the caller once it has taken the end.
      var taken = false
    }

    /// Ends the reading's thread when the last holder lets it go.
    final class Handle: Sendable {
      let reading: Reading
      init(_ reading: Reading) { self.reading = reading }
      deinit { reading.cancel() }
    }

    private let queue = Mutex(Queue())
    /// Signalled once per batch queued and once at the end.
    private let items = DispatchSemaphore(value: 0)
    /// Free places in the queue.
    private let slots: DispatchSemaphore

    init(_ source: Source, depth: Int = 4) {
      slots = DispatchSemaphore(value: max(1, depth))
      Thread.detachNewThread { [self] in run(source) }
    }

    /// The next batch of cells (never empty), or nil after the last.
    /// - Throws: `SheetsError` when the reading failed.
    func next() throws(SheetsError) -> [SheetCell]? {
      if queue.withLock({ $0.taken }) { return nil }
      items.wait()
      let (batch, failure): ([SheetCell]?, SheetsError?) = queue.withLock { queue in
        if !queue.batches.isEmpty { return (queue.batches.removeFirst(), nil) }
        queue.taken = true
        return (nil, queue.failure)
      }
      if let batch {
        slots.signal()
        return batch
      }
      if let failure { throw failure }
      return nil
    }

    /// Stops the reading thread at its next batch (it drops what it made).
    func cancel() {
      queue.withLock { $0.cancelled = true }
      slots.signal()
    }

    /// Reads the part: inflated and scanned on this thread, the cells' text made on the
    /// scanner's worker, which hands each batch over.
    private func run(_ source: Source) {
      var failure: SheetsError?
      let place = source.part
      do throws(SheetsError) {
        var package: DocxPackage
        do {
          package = try DocxPackage(data: source.data, limits: source.limits)
        } catch {
          throw SheetsError(place: error.place, message: error.message)
        }
        var scanner = WorksheetScanner(
          strings: source.strings, styles: source.styles, date1904: source.date1904,
          limits: source.limits
        ) { [self] cells in hand(cells) }
        var scanned = 0
        let found: Bool
        do {
          found = try package.streamPart(place) { (piece) throws(DocxError) in
            if !scanner.feed(piece) {
              throw DocxError(place: place, message: "reading the worksheet again: it stopped")
            }
            scanned += piece.count
            if let release = source.releaseInput, scanned >= XLSXReader.releaseBytes {
              release()
              scanned = 0
            }
          }
        } catch {
          throw SheetsError(place: error.place, message: error.message)
        }
        guard found, scanner.finishCollected() != nil else {
          throw SheetsError(place: place, message: "reading the worksheet again: it stopped")
        }
      } catch {
        failure = error
      }
      queue.withLock { queue in
        queue.ended = true
        queue.failure = failure
      }
      items.signal()
    }

    /// Queues a batch (waits while `depth` wait); false once the reading was cancelled.
    private func hand(_ batch: [SheetCell]) -> Bool {
      slots.wait()
      let queued = queue.withLock { queue in
        guard !queue.cancelled else { return false }
        queue.batches.append(batch)
        return true
      }
      if queued { items.signal() }
      return queued
    }
  }
}
