import Dispatch
import Foundation
import Synchronization

/// Writes chunks to a file descriptor on a thread of its own, in order, so that the kernel's
/// copy of a large output (a 100,000-row workbook's 178 MB of JSON) runs on the second core
/// while the next chunks are encoded.
///
/// At most `depth` chunks wait at once (the producer blocks past that). After a failed write
/// the rest is dropped and `write` throws the failure; `finish` waits for the thread and
/// returns the first failure.
final class BackgroundWriter: Sendable {
  private struct State {
    var chunks: [Data] = []
    var failure: POSIXError?
  }

  private let fd: Int32
  private let state = Mutex(State())
  /// Signalled once per queued chunk, and once by `finish`.
  private let items = DispatchSemaphore(value: 0)
  /// Free places in the queue.
  private let slots: DispatchSemaphore
  private let done = DispatchSemaphore(value: 0)

  /// Starts the writing thread for `fd` (which stays open; the caller closes it after `finish`).
  init(fd: Int32, depth: Int = 4) {
    self.fd = fd
    slots = DispatchSemaphore(value: max(1, depth))
    Thread.detachNewThread { [self] in run() }
  }

  /// Queues a copy of `bytes`.
  /// - Throws: The `POSIXError` of an earlier failed write.
  func write(_ bytes: UnsafeRawBufferPointer) throws {
    if let failure = state.withLock({ $0.failure }) { throw failure }
    guard !bytes.isEmpty else { return }
    let chunk = Data(bytes)
    slots.wait()
    state.withLock { $0.chunks.append(chunk) }
    items.signal()
  }

  /// Waits until every queued chunk is written (or dropped after a failure); call it once.
  /// - Returns: The first failed write's error, or nil.
  func finish() -> POSIXError? {
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
          try chunk.withUnsafeBytes { try ConvertCommand.writeAll(fd, $0) }
        } catch {
          let failure = error as? POSIXError ?? POSIXError(.EIO)
          state.withLock { $0.failure = failure }
        }
      }
      slots.signal()
    }
    done.signal()
  }
}
