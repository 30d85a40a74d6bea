/**
 * The public API of transcribe/ (call transcription: recordings, whisper.cpp workers and the transcription service).
 * Other folders import only this file.
 */
export { transcribeNames } from './jobs.js'
export { createTranscribePool } from './pool.js'
export { transcriptionService } from './service.js'
export { syntheticModel } from './test-helpers/synthetic-ggml.js'
export { offerWhisperModel } from './model-offer.js'
