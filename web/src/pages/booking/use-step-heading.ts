// Each step of the booking flow starts with its heading focused (as use-focus-heading does for the kiosk), so
// a screen reader announces the new step and a keyboard continues from the top of it.
export { useFocusHeading as useStepHeading } from '../visits/use-focus-heading.ts';
