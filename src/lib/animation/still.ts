import type { AnimationDefinition, Pose } from '../core/content/pose-schema.ts';
import {
	arrowPoints,
	figureShapes,
	frameFor,
	groundShape,
	guidePath,
	hollowShape,
	toneClass,
	type Frame
} from './figure.ts';
import type { ScreenPoint, View } from './pose.ts';

/**
 * The figure's pictures as SVG markup, pure (same input, same string): a still of a pose and the
 * parts of the reduced-motion pair (pair.ts). The moving figure's own ghost, floor, trail and arrow
 * are Lottie layers (lottie.ts); these draw the same shapes, with the same classes.
 */

const round = (n: number) => Math.round(n * 10) / 10;
const pt = (p: { h: number; v: number }) => `${round(p.h)} ${round(p.v)}`;
const line = (points: ScreenPoint[]) => `M${points.map(pt).join('L')}`;

export interface StillOptions {
	mirrored?: boolean;
	axes?: boolean;
	/** Shade the hollow under the low back (a pelvic tilt). */
	hollow?: boolean;
}

/** The figure's shapes as SVG elements, farthest first (the hollow under the back behind them). */
export function figureMarkup(pose: Pose, view: View, options: StillOptions = {}): string {
	const hollow = options.hollow
		? `<path class="figure-hollow" d="${line(hollowShape(pose, view, options.mirrored))}Z"/>`
		: '';
	return (
		hollow +
		figureShapes(pose, view, options)
			.map((shape) =>
				shape.kind === 'disc'
					? `<circle class="${toneClass(shape.tone)}" cx="${round(shape.centre.h)}" cy="${round(shape.centre.v)}" r="${shape.radius}"/>`
					: `<line class="${toneClass(shape.tone)}" x1="${round(shape.from.h)}" y1="${round(shape.from.v)}" x2="${round(shape.to.h)}" y2="${round(shape.to.v)}" stroke-width="${shape.thickness}"/>`
			)
			.join('')
	);
}

/** The mat and the shadow under the figure. */
export function groundMarkup(poses: readonly Pose[], view: View, mirrored = false): string {
	const { mat, shadow } = groundShape(poses, view, mirrored);
	return `<path class="figure-mat" d="${line(mat)}Z"/><ellipse class="figure-shadow" cx="${round(shadow.h)}" cy="${round(shadow.v)}" rx="${round(shadow.rh)}" ry="${round(shadow.rv)}"/>`;
}

export function svg(frame: Frame, content: string, className: string, align = 'xMidYMid'): string {
	const viewBox = [frame.left, frame.top, frame.width, frame.height].map(round).join(' ');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" preserveAspectRatio="${align} meet" class="${className}" aria-hidden="true" focusable="false">${content}</svg>`;
}

export interface PictureOptions extends StillOptions {
	/** Defaults to a frame around the pose alone. */
	frame?: Frame;
	/** Poses the ground must hold (defaults to the one drawn). */
	ground?: readonly Pose[];
}

/** A still picture of one pose on its floor. */
export function poseToSvg(pose: Pose, view: View, options: PictureOptions = {}): string {
	const ground = groundMarkup(options.ground ?? [pose], view, options.mirrored);
	const frame = options.frame ?? frameFor([pose], view, options.mirrored);
	return svg(frame, ground + figureMarkup(pose, view, options), 'figure-still');
}

/** The path to today's target, dashed, and an arrow along it. */
export function trailMarkup(
	animation: AnimationDefinition,
	target: Pose,
	scale: number,
	mirrored = false
): string {
	const path = guidePath(animation, target, mirrored);
	const arrow = arrowPoints(path, 9 * scale);
	return `<path class="figure-trail" d="${line(path)}"/>${arrow ? `<path class="figure-arrow" d="${line(arrow)}"/>` : ''}`;
}
