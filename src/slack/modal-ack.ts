// The ack of a modal submission: empty closes the modal; `errors` shows refusals beside their inputs.
export type ModalAck = (response?: { response_action: 'errors'; errors: Record<string, string> }) => Promise<void>;
