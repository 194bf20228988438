import Dispatch
import Foundation
import Synchronization

/// Hands chunks to a writing function on a thread of its own, in order, so that the kernel's
/// copy of a large output (a 100,000-row workbook's 178 MB of JSON, written by `convert -o`)
/// runs on the second core while the next chunks are encoded.
///
/// At most `depth` chunks wait at once (the producer blocks past that). After a failed write
/// the rest is dropped and `write` throws the failure; `finish` waits for the thread and
/// returns the first failure.
package final class BackgroundWriter: Sendable {
  private struct State {
    var chunks: [Data] = []
    var failure: (any Error)?
  }

  private let sink: @Sendable (Data) throws -> Void
  private let state = Mutex(State())
  /// Signalled once per queued chunk, and once by `finish`.
  private let items = DispatchSemaphore(value: 0)
  /// Free places in the queue.
  private let slots: DispatchSemaphore
  private let done = DispatchSemaphore(value: 0)

  /// Starts the writing thread; `sink` writes one chunk (a file descriptor's `write` loop).
  package init(depth: Int = 4, sink: @escaping @Sendable (Data) throws -> Void) {
    self.sink = sink
    slots = DispatchSemaphore(value: max(1, depth))
    Thread.detachNewThread { [self] in run() }
  }

  /// Queues a copy of `bytes`.
  /// - Throws: The error of an earlier failed write.
  package func write(_ bytes: UnsafeRawBufferPointer) throws {
    if let failure = state.withLock({ $0.failure }) { throw failure }
    guard !bytes.isEmpty else { return }
    let chunk = Data(bytes)
    slots.wait()
    state.withLock { $0.chunks.append(chunk) }
    items.signal()
  }

  /// Waits until every queued chunk is written (or dropped after a failure); call it once.
  /// - Returns: The first failed write's error, or nil.
  package func finish() -> (any Error)? {
    items.signal()
    done.wait()
    return state.withLock { $0.failure }
  }

  private func run() {
    while true {
      items.wait()
      let next: Data? = state.withLock { $0.chunks.isEmpty ? nil : $0.chunks.removeFirst() }
      // The queue is empty only at `finish`'s signal (each chunk is queued before its own).
      guard let chunk = next else { break }
      if state.withLock({ $0.failure }) == nil {
        do {
          try sink(chunk)
        } catch {
          state.withLock { $0.failure = error }
        }
      }
      slots.signal()
    }
    done.signal()
  }
}
