import type { Pose } from '../core/pose-schema.ts';
import { figureShapes, frameFor, type Frame, type Tone } from './figure.ts';
import type { View } from './pose.ts';

/**
 * A still picture of one pose as SVG markup: the reduced-motion fallback, the picture shown before
 * lottie-web has loaded, and the renders checked by eye. Pure: same input, same string.
 */

/** Default colours; pages restyle them through the classes (light and dark themes). */
export const TONE_COLOURS: Record<Tone | 'floor', string> = {
	body: '#33617f',
	rightArm: '#c4623a',
	rightLeg: '#1b3a50',
	leftArm: '#e9b49b',
	leftLeg: '#93b3c9',
	floor: '#9aa7b1'
};

export const TONE_CLASSES: Record<Tone | 'floor', string> = {
	body: 'figure-body',
	rightArm: 'figure-near-arm',
	rightLeg: 'figure-near-leg',
	leftArm: 'figure-far-arm',
	leftLeg: 'figure-far-leg',
	floor: 'figure-floor'
};

const round = (n: number) => Math.round(n * 10) / 10;

export interface StillOptions {
	mirrored?: boolean;
	/** Defaults to a frame around this pose alone. */
	frame?: Frame;
}

export function poseToSvg(pose: Pose, view: View, options: StillOptions = {}): string {
	const mirrored = options.mirrored ?? false;
	const frame = options.frame ?? frameFor([pose], view, mirrored);
	const parts: string[] = [];
	if (view !== 'top') {
		parts.push(
			`<line class="${TONE_CLASSES.floor}" x1="${round(frame.left)}" y1="0" x2="${round(frame.left + frame.width)}" y2="0" stroke="${TONE_COLOURS.floor}" stroke-width="2"/>`
		);
	}
	for (const shape of figureShapes(pose, view, mirrored)) {
		const colour = TONE_COLOURS[shape.tone];
		const className = TONE_CLASSES[shape.tone];
		if (shape.kind === 'disc') {
			parts.push(
				`<circle class="${className}" cx="${round(shape.centre.h)}" cy="${round(shape.centre.v)}" r="${shape.radius}" fill="${colour}"/>`
			);
		} else {
			parts.push(
				`<line class="${className}" x1="${round(shape.from.h)}" y1="${round(shape.from.v)}" x2="${round(shape.to.h)}" y2="${round(shape.to.v)}" stroke="${colour}" stroke-width="${shape.thickness}" stroke-linecap="round"/>`
			);
		}
	}
	const viewBox = [frame.left, frame.top, frame.width, frame.height].map(round).join(' ');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" class="figure-still" aria-hidden="true" focusable="false">${parts.join('')}</svg>`;
}
